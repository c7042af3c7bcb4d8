import { BarChart } from "@/components/dashboard/bar-chart";
import type { TQuestionResult } from "@/lib/surveys/results";

const NPS_TONE = (v: string) => (Number(v) >= 9 ? "bg-green-600" : Number(v) >= 7 ? "bg-amber-500" : "bg-red-600");

export function QuestionResult({ result, index }: { result: TQuestionResult; index: number }) {
  const { question, nps, distribution, answered, average } = result;
  return (
    <section aria-labelledby={`q-${question.id}`} className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h3 id={`q-${question.id}`} className="text-base font-semibold text-slate-900">
        {index + 1}. {question.prompt}
      </h3>
      <p className="mb-4 text-sm text-slate-600">
        {answered} answered{average !== undefined ? ` · average ${average}` : ""}
      </p>
      {nps ? (
        <dl className="mb-4 grid grid-cols-4 gap-3 text-center">
          <div className="rounded-md bg-slate-50 p-3"><dt className="text-xs uppercase text-slate-500">NPS</dt><dd className="text-2xl font-semibold" data-testid="nps-score">{nps.score}</dd></div>
          <div className="rounded-md bg-green-50 p-3"><dt className="text-xs uppercase text-green-800">Promoters</dt><dd className="text-lg font-semibold text-green-800">{nps.promoters}</dd></div>
          <div className="rounded-md bg-amber-50 p-3"><dt className="text-xs uppercase text-amber-900">Passives</dt><dd className="text-lg font-semibold text-amber-900">{nps.passives}</dd></div>
          <div className="rounded-md bg-red-50 p-3"><dt className="text-xs uppercase text-red-800">Detractors</dt><dd className="text-lg font-semibold text-red-800">{nps.detractors}</dd></div>
        </dl>
      ) : null}
      {distribution.length > 0 ? (
        <BarChart
          caption={`Answers to “${question.prompt}”`}
          rows={distribution.map((d) => ({ label: d.value, value: d.count, tone: nps ? NPS_TONE(d.value) : undefined }))}
        />
      ) : (
        <p className="text-sm text-slate-600">Free-text answers are listed in the responses below.</p>
      )}
    </section>
  );
}
