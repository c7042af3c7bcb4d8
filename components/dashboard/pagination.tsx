import Link from "next/link";

/** Previous/next links that keep the list's other query parameters. */
export function Pagination({ page, pageCount, basePath, query }: { page: number; pageCount: number; basePath: string; query: Record<string, string | undefined> }) {
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
    params.set("page", String(p));
    return `${basePath}?${params}`;
  };
  const link = "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset ring-slate-300 hover:bg-slate-50";
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-slate-600">
      <span>
        Page {page} of {pageCount}
      </span>
      <span className="flex gap-2">
        {page > 1 ? <Link className={link} href={href(page - 1)} rel="prev">Previous</Link> : null}
        {page < pageCount ? <Link className={link} href={href(page + 1)} rel="next">Next</Link> : null}
      </span>
    </nav>
  );
}
