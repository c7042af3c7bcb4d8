import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Alert, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { listSegments } from "@/lib/segments/segments";
import { requireMember } from "@/lib/workspaces/membership";

export const metadata = { title: "Segments" };

export default async function SegmentsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ deleted?: string }> }) {
  const { slug } = await params;
  const { workspace } = await requireMember(slug);
  const [segments, flags] = await Promise.all([listSegments(workspace.id), searchParams]);
  const base = `/w/${slug}/segments`;
  return (
    <>
      <PageHeader title="Segments" description="Target experiences by the attributes your app sends and the traits of identified users." actions={<ButtonLink href={`${base}/new`}>New segment</ButtonLink>} />
      {flags.deleted ? <div className="mb-4"><Alert tone="success">Segment deleted.</Alert></div> : null}
      {segments.length === 0 ? (
        <EmptyState title="No segments yet" description="Segments target experiences by the attributes your app sends, like plan = paying." action={<ButtonLink href={`${base}/new`}>New segment</ButtonLink>} />
      ) : (
        <Card className="p-0">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Segments of {workspace.name}</caption>
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
              <tr><th scope="col" className="px-4 py-3">Name</th><th scope="col">Description</th><th scope="col" className="px-4 text-right">Used by</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {segments.map((s) => (
                <tr key={s.id}>
                  <td className="px-4 py-3 font-medium"><Link className="text-brand-700 hover:underline" href={`${base}/${s.id}`}>{s.name}</Link></td>
                  <td className="text-slate-600">{s.description ?? "—"}</td>
                  <td className="px-4 text-right tabular-nums">{s.usedBy} {s.usedBy === 1 ? "experience" : "experiences"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
