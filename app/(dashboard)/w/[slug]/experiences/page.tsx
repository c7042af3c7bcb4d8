import Link from "next/link";
import { StatusBadge, TYPE_LABELS } from "@/components/dashboard/badges";
import { Pagination } from "@/components/dashboard/pagination";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { listExperiences, ZExperienceFilters } from "@/lib/experiences/list";
import { EDITABLE_TYPES } from "@/lib/experiences/input";
import { requireMember } from "@/lib/workspaces/membership";

export const metadata = { title: "Experiences" };

type Search = Record<string, string | string[] | undefined>;

export default async function ExperiencesPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { slug } = await params;
  const { workspace } = await requireMember(slug);
  const filters = ZExperienceFilters.parse(await searchParams);
  const list = await listExperiences(workspace.id, filters);
  const filtered = Boolean(filters.type || filters.status || filters.q);
  const base = `/w/${slug}/experiences`;
  return (
    <>
      <PageHeader title="Experiences" description="Announcements, banners, tours, hints and surveys shown in your app." actions={<ButtonLink href={`${base}/new`}>New experience</ButtonLink>} />
      <form role="search" aria-label="Filter experiences" className="mb-4 grid gap-3 sm:grid-cols-[1fr_10rem_10rem_auto] sm:items-end">
        <div className="space-y-1">
          <label htmlFor="filter-q" className="block text-sm font-medium text-slate-700">Search by name</label>
          <input id="filter-q" name="q" defaultValue={filters.q ?? ""} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-type" className="block text-sm font-medium text-slate-700">Type</label>
          <select id="filter-type" name="type" defaultValue={filters.type ?? ""} className={inputClass}>
            <option value="">All types</option>
            {EDITABLE_TYPES.map((t) => <option key={t} value={t}>{TYPE_LABELS[t]}</option>)}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-status" className="block text-sm font-medium text-slate-700">Status</label>
          <select id="filter-status" name="status" defaultValue={filters.status ?? ""} className={inputClass}>
            <option value="">All statuses</option>
            {["draft", "live", "paused", "archived"].map((s) => <option key={s} value={s} className="capitalize">{s[0].toUpperCase() + s.slice(1)}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-white px-3.5 py-2 text-sm font-semibold text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">Filter</button>
      </form>
      {list.total === 0 ? (
        <EmptyState
          title={filtered ? "No experience matches" : "No experiences yet"}
          description={filtered ? "Try other filters or clear the search." : "Create an announcement, banner, tour, hint or survey, preview it, then publish it to your app."}
          action={filtered ? <ButtonLink variant="secondary" href={base}>Clear filters</ButtonLink> : <ButtonLink href={`${base}/new`}>New experience</ButtonLink>}
        />
      ) : (
        <Card className="overflow-x-auto p-0">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Experiences of {workspace.name}</caption>
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">Name</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Segment</th>
                <th scope="col" className="text-right">Views</th><th scope="col" className="px-4 text-right">Completion</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.rows.map((e) => (
                <tr key={e.id}>
                  <td className="px-4 py-3 font-medium"><Link className="text-brand-700 hover:underline" href={`${base}/${e.id}`}>{e.name}</Link></td>
                  <td>{TYPE_LABELS[e.type]}</td>
                  <td><StatusBadge status={e.status} /></td>
                  <td>{e.segmentName ?? "Everyone"}</td>
                  <td className="text-right tabular-nums">{e.views}</td>
                  <td className="px-4 text-right tabular-nums">{e.completionRate === null ? "—" : `${Math.round(e.completionRate * 100)}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} basePath={base} query={{ q: filters.q, type: filters.type, status: filters.status }} />
    </>
  );
}
