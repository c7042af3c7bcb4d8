import Link from "next/link";
import { Pagination } from "@/components/dashboard/pagination";
import { SettingsNav } from "@/components/dashboard/settings/settings-nav";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { AUDIT_LABELS, AUDIT_PAGE_SIZE, listAudit, ZAuditAction } from "@/lib/audit/audit-log";
import { OWNERS, requireMember } from "@/lib/workspaces/membership";

export const metadata = { title: "Audit log" };

export default async function AuditPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string }> }) {
  const { slug } = await params;
  const { workspace } = await requireMember(slug, OWNERS);
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const { rows, total } = await listAudit(workspace.id, page);
  return (
    <>
      <PageHeader title="Audit log" description="Every view, export and erasure of end users' personal data by members of this workspace. Only owners see it." />
      <SettingsNav slug={slug} current="/audit" isOwner />
      {total === 0 ? (
        <EmptyState title="Nothing recorded yet" description="Opening an identified person's page, exporting or erasing their data is recorded here." />
      ) : (
        <Card className="p-0">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Audit log</caption>
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
              <tr><th scope="col" className="px-4 py-3">When (UTC)</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col" className="px-4">About</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => {
                const action = ZAuditAction.safeParse(r.action);
                return (
                  <tr key={r.id} data-testid="audit-row">
                    <td className="whitespace-nowrap px-4 py-3">{r.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td>
                    <td>{r.actorName ?? r.actorEmail ?? "A former member"}</td>
                    <td>{action.success ? AUDIT_LABELS[action.data] : r.action}</td>
                    <td className="px-4 font-mono text-xs">
                      {r.targetType === "end_user" ? <Link className="text-brand-700 hover:underline" href={`/w/${slug}/users/${r.targetId}`}>end user {r.targetId.slice(0, 8)}</Link>
                        : <Link className="text-brand-700 hover:underline" href={`/w/${slug}/surveys/${r.targetId}`}>survey {r.targetId.slice(0, 8)}</Link>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Card>
      )}
      <Pagination page={page} pageCount={Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE))} basePath={`/w/${slug}/settings/audit`} query={{}} />
    </>
  );
}
