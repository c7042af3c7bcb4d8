import Link from "next/link";
import { StatusBadge } from "@/components/dashboard/badges";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { listSurveys } from "@/lib/surveys/surveys";
import { requireMember } from "@/lib/workspaces/membership";

export const metadata = { title: "Surveys" };

export default async function SurveysPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace } = await requireMember(slug);
  const surveys = await listSurveys(workspace.id);
  return (
    <>
      <PageHeader title="Surveys" description="Results of your surveys: NPS, answers per question and who answered." />
      {surveys.length === 0 ? (
        <EmptyState title="No surveys yet" description="Create a survey experience; its results appear here once end users answer it."
          action={<ButtonLink href={`/w/${slug}/experiences/new?type=survey`}>New survey</ButtonLink>} />
      ) : (
        <Card className="p-0">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Surveys of {workspace.name}</caption>
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
              <tr><th scope="col" className="px-4 py-3">Survey</th><th scope="col">Status</th><th scope="col" className="px-4 text-right">Respondents</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {surveys.map((s) => (
                <tr key={s.id}>
                  <td className="px-4 py-3 font-medium"><Link className="text-brand-700 hover:underline" href={`/w/${slug}/surveys/${s.id}`}>{s.name}</Link></td>
                  <td><StatusBadge status={s.status} /></td>
                  <td className="px-4 text-right tabular-nums">{s.respondents}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
