import { notFound } from "next/navigation";
import { BarChart, ColumnChart } from "@/components/dashboard/bar-chart";
import { Pagination } from "@/components/dashboard/pagination";
import { QuestionResult } from "@/components/dashboard/surveys/question-result";
import { ResponsesTable } from "@/components/dashboard/surveys/responses-table";
import { buttonClass, ButtonLink } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { listResponses, ZResponseFilters } from "@/lib/surveys/responses";
import { surveyResults } from "@/lib/surveys/results";
import { getSurvey } from "@/lib/surveys/surveys";
import { requireMember } from "@/lib/workspaces/membership";

export const metadata = { title: "Survey results" };

export default async function SurveyResultsPage({ params, searchParams }: { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug, id } = await params;
  const { workspace } = await requireMember(slug);
  const survey = await getSurvey(workspace.id, id);
  if (!survey) notFound();
  const filters = ZResponseFilters.parse(await searchParams);
  const [results, responses] = await Promise.all([surveyResults(workspace.id, survey), listResponses(workspace.id, survey, filters)]);
  const query = { who: filters.who === "all" ? undefined : filters.who, question: filters.question, answer: filters.answer, from: filters.from, to: filters.to };
  const exportParams = new URLSearchParams({ survey: survey.id });
  for (const [k, v] of Object.entries(query)) if (v) exportParams.set(k, v);
  const label = "block text-sm font-medium text-slate-700";
  return (
    <>
      <PageHeader title={survey.name} description="Survey results" actions={<ButtonLink variant="secondary" href={`/w/${slug}/experiences/${survey.id}`}>Edit survey</ButtonLink>} />
      <dl className="mb-6 grid gap-4 sm:grid-cols-3">
        <Card><dt className="text-sm text-slate-600">Saw it</dt><dd className="text-2xl font-semibold">{results.viewers}</dd></Card>
        <Card><dt className="text-sm text-slate-600">Answered</dt><dd className="text-2xl font-semibold" data-testid="respondents">{results.respondents}</dd></Card>
        <Card><dt className="text-sm text-slate-600">Response rate</dt><dd className="text-2xl font-semibold">{results.viewers ? `${Math.round((results.respondents / results.viewers) * 100)}%` : "—"}</dd></Card>
      </dl>
      {results.respondents === 0 ? (
        <EmptyState title="No responses yet" description="Answers appear here as soon as end users respond to this survey." />
      ) : (
        <div className="space-y-6">
          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <h2 className="mb-2 text-base font-semibold">Respondents per day (last 90 days)</h2>
              <ColumnChart title="Respondents per day" points={results.overTime.map((p) => ({ label: p.day, value: p.respondents }))} />
            </Card>
            <Card>
              <h2 className="mb-2 text-base font-semibold">Completion funnel</h2>
              <BarChart caption="End users reaching each question" unit="end users"
                rows={[{ label: "Saw it", value: results.viewers }, ...results.questions.map((q, i) => ({ label: `Q${i + 1}`, value: q.answered }))]} />
            </Card>
          </div>
          {results.questions.map((q, i) => <QuestionResult key={q.question.id} result={q} index={i} />)}
        </div>
      )}
      <Card className="mt-6 p-0">
        <div className="flex flex-wrap items-center justify-between gap-3 px-4 pt-4">
          <h2 className="text-base font-semibold">Responses ({responses.total})</h2>
          <a className={buttonClass("secondary")} href={`/api/w/${slug}/surveys/export?${exportParams}`} download>Export CSV</a>
        </div>
        <form role="search" aria-label="Filter responses" className="grid gap-3 p-4 sm:grid-cols-3 lg:grid-cols-6 lg:items-end">
          <div className="space-y-1">
            <label htmlFor="f-who" className={label}>Who</label>
            <select id="f-who" name="who" defaultValue={filters.who} className={inputClass}>
              <option value="all">Everyone</option><option value="identified">Identified</option><option value="anonymous">Anonymous</option>
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="f-question" className={label}>Question</label>
            <select id="f-question" name="question" defaultValue={filters.question ?? ""} className={inputClass}>
              <option value="">Any</option>
              {survey.content.questions.map((q, i) => <option key={q.id} value={q.id}>Q{i + 1}</option>)}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="f-answer" className={label}>Answer is</label>
            <input id="f-answer" name="answer" defaultValue={filters.answer ?? ""} className={inputClass} />
          </div>
          <div className="space-y-1">
            <label htmlFor="f-from" className={label}>From</label>
            <input id="f-from" name="from" type="date" defaultValue={filters.from ?? ""} className={inputClass} />
          </div>
          <div className="space-y-1">
            <label htmlFor="f-to" className={label}>To</label>
            <input id="f-to" name="to" type="date" defaultValue={filters.to ?? ""} className={inputClass} />
          </div>
          <button type="submit" className={buttonClass("secondary")}>Filter</button>
        </form>
        {responses.rows.length === 0 ? (
          <p className="px-4 pb-6 text-sm text-slate-600">No response matches these filters.</p>
        ) : (
          <ResponsesTable slug={slug} questions={survey.content.questions} rows={responses.rows} />
        )}
        <div className="px-4 pb-4">
          <Pagination page={responses.page} pageCount={responses.pageCount} basePath={`/w/${slug}/surveys/${survey.id}`} query={query} />
        </div>
      </Card>
    </>
  );
}
