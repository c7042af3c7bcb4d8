import type { Metadata } from "next";
import { CategoryBadge, formatPostDate, PortalShell } from "@/components/changelog/portal-shell";
import { localize } from "@/lib/changelog/locale";
import { listVisiblePosts, reactionCounts } from "@/lib/changelog/portal";
import { markdownExcerpt } from "@/lib/markdown/render";
import { brandOf, loadPortal, oneParam, readerLocale } from "./load";

type Props = { params: Promise<{ workspace: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const portal = await loadPortal((await params).workspace);
  const title = `${portal.name} changelog`;
  const description = `What's new in ${portal.name}: new features, improvements and fixes.`;
  return {
    title: { absolute: title },
    description,
    alternates: {
      canonical: portal.url,
      types: { "application/rss+xml": `${portal.url}/rss.xml`, "application/atom+xml": `${portal.url}/atom.xml` },
    },
    openGraph: { type: "website", title, description, url: portal.url, siteName: title },
    robots: portal.branding.noindex ? { index: false, follow: false } : undefined,
  };
}

function href(base: string, query: Record<string, string | number | undefined>): string {
  const qs = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== "" && v !== 1).map(([k, v]) => [k, String(v)]));
  return qs.size ? `${base}?${qs}` : base;
}

export default async function PortalIndex({ params, searchParams }: Props) {
  const portal = await loadPortal((await params).workspace);
  const sp = await searchParams;
  const category = oneParam(sp.category);
  const q = oneParam(sp.q);
  const lang = oneParam(sp.lang);
  const page = Number(oneParam(sp.page) ?? 1);
  const { posts, total, pageCount, page: current } = await listVisiblePosts(portal.id, { page, category, q });
  const counts = await reactionCounts(portal.id, posts.map((p) => p.id));
  const brand = brandOf(portal);
  const categories = portal.branding.categories;
  const shown = await Promise.all(
    posts.map(async (post) => {
      const locale = await readerLocale(portal, post.translations, lang);
      return { post, locale, text: localize(post, locale) };
    }),
  );

  return (
    <PortalShell brand={brand}>
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">What&apos;s new in {portal.name}</h1>
      <form role="search" action={brand.url} className="mt-6 flex gap-2">
        <label htmlFor="portal-search" className="sr-only">Search the changelog</label>
        <input id="portal-search" name="q" type="search" defaultValue={q} maxLength={100} placeholder="Search updates" className="block w-full rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-[var(--accent)]" />
        {category ? <input type="hidden" name="category" value={category} /> : null}
        {lang ? <input type="hidden" name="lang" value={lang} /> : null}
        <button type="submit" className="rounded-md bg-[var(--accent)] px-4 py-2 text-sm font-semibold text-white">Search</button>
      </form>
      <nav aria-label="Categories" className="mt-4 flex flex-wrap gap-2 text-sm">
        {[undefined, ...categories].map((c) => (
          <a
            key={c ?? "all"}
            href={href(brand.url, { category: c, q, lang })}
            aria-current={c === category ? "page" : undefined}
            className={`rounded-full px-3 py-1 ring-1 ring-inset ${c === category ? "bg-[var(--accent)] text-white ring-transparent" : "text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
          >
            {c ?? "All"}
          </a>
        ))}
      </nav>

      {shown.length === 0 ? (
        <div className="mt-10 rounded-lg border-2 border-dashed border-slate-300 px-6 py-12 text-center">
          <h2 className="font-semibold text-slate-900">{q || category ? "No updates match" : "No updates yet"}</h2>
          <p className="mt-1 text-sm text-slate-600">{q || category ? "Try another search or category." : `${portal.name} has not published any updates yet.`}</p>
        </div>
      ) : (
        <ol className="mt-8 space-y-10">
          {shown.map(({ post, locale, text }) => {
            const c = counts.get(post.id)!;
            const reacted = Object.entries(c).filter(([, n]) => n > 0);
            return (
              <li key={post.id}>
                <article lang={locale}>
                  <div className="flex items-center gap-3 text-sm text-slate-500">
                    <CategoryBadge category={post.category} />
                    <time dateTime={post.publishedAt.toISOString()}>{formatPostDate(post.publishedAt, locale ?? portal.defaultLocale)}</time>
                  </div>
                  <h2 className="mt-2 text-xl font-semibold text-slate-900">
                    <a href={href(`${brand.url}/${post.slug}`, { lang })} className="hover:text-[var(--accent)]">{text.title}</a>
                  </h2>
                  <p className="mt-2 text-slate-700">{markdownExcerpt(text.body, 280)}</p>
                  {reacted.length ? (
                    <p className="mt-2 text-sm text-slate-500" aria-label="Reactions">
                      {reacted.map(([emoji, n]) => `${emoji} ${n}`).join("  ")}
                    </p>
                  ) : null}
                </article>
              </li>
            );
          })}
        </ol>
      )}

      {pageCount > 1 ? (
        <nav aria-label="Pagination" className="mt-12 flex items-center justify-between text-sm">
          {current > 1 ? <a href={href(brand.url, { category, q, lang, page: current - 1 })} className="font-semibold text-[var(--accent)]">← Newer</a> : <span />}
          <span className="text-slate-500">Page {current} of {pageCount} · {total} updates</span>
          {current < pageCount ? <a href={href(brand.url, { category, q, lang, page: current + 1 })} className="font-semibold text-[var(--accent)]">Older →</a> : <span />}
        </nav>
      ) : null}
    </PortalShell>
  );
}
