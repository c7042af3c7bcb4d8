import Link from "next/link";
import { Pagination } from "@/components/dashboard/pagination";
import { buttonClass } from "@/components/ui/button";
import { Alert, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { endUserCounts, listIdentifiedUsers, NAME_SCAN_LIMIT, ZUserSearch } from "@/lib/end-users/end-users";
import { requireMember } from "@/lib/workspaces/membership";

export const metadata = { title: "Users" };

export default async function UsersPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const { workspace } = await requireMember(slug);
  const search = ZUserSearch.parse(await searchParams);
  const [counts, list] = await Promise.all([endUserCounts(workspace.id), listIdentifiedUsers(workspace.id, search)]);
  return (
    <>
      <PageHeader title="Users" description="End users stay anonymous until your app identifies them; names and emails are stored encrypted." />
      <dl className="mb-6 grid gap-4 sm:grid-cols-3">
        <Card><dt className="text-sm text-slate-600">End users</dt><dd className="text-2xl font-semibold">{counts.total}</dd></Card>
        <Card><dt className="text-sm text-slate-600">Anonymous</dt><dd className="text-2xl font-semibold" data-testid="anonymous-count">{counts.anonymous}</dd></Card>
        <Card><dt className="text-sm text-slate-600">Identified</dt><dd className="text-2xl font-semibold" data-testid="identified-count">{counts.identified}</dd></Card>
      </dl>
      <form role="search" aria-label="Search identified users" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1 space-y-1">
          <label htmlFor="user-q" className="block text-sm font-medium text-slate-700">Exact email, or part of a name</label>
          <input id="user-q" name="q" defaultValue={search.q ?? ""} className={inputClass} />
        </div>
        <button type="submit" className={buttonClass("secondary")}>Search</button>
      </form>
      {list.truncated ? <div className="mb-4"><Alert tone="info">Name search looked at the first {NAME_SCAN_LIMIT.toLocaleString("en")} identified users; search by exact email to find anyone.</Alert></div> : null}
      {list.rows.length === 0 ? (
        <EmptyState title={search.q ? "Nobody matches" : "No identified users yet"}
          description={search.q ? "Emails match exactly (case does not matter); names match in part." : "Call herald.identify(userId, { email, name }) in your app to see people here."} />
      ) : (
        <Card className="p-0">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Identified end users</caption>
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
              <tr><th scope="col" className="px-4 py-3">Name</th><th scope="col">Email</th><th scope="col">User id</th><th scope="col" className="px-4">Last seen</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.rows.map((u) => (
                <tr key={u.endUserId}>
                  <td className="px-4 py-3 font-medium"><Link className="text-brand-700 hover:underline" href={`/w/${slug}/users/${u.endUserId}`}>{u.name ?? u.username ?? "—"}</Link></td>
                  <td>{u.email ?? "—"}</td>
                  <td className="font-mono text-xs">{u.externalId ?? "—"}</td>
                  <td className="px-4">{u.lastSeenDay}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} basePath={`/w/${slug}/users`} query={{ q: search.q }} />
    </>
  );
}
