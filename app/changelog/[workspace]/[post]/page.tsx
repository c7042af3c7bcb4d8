import type { Metadata } from "next";
import { after } from "next/server";
import { CategoryBadge, formatPostDate, PortalShell } from "@/components/changelog/portal-shell";
import { ReactionBar } from "@/components/changelog/reaction-bar";
import { localize } from "@/lib/changelog/locale";
import { absoluteUrl, reactionCounts } from "@/lib/changelog/portal";
import { REACTIONS } from "@/lib/changelog/schemas";
import { recordView } from "@/lib/changelog/views";
import { markdownExcerpt, renderMarkdown } from "@/lib/markdown/render";
import { brandOf, loadPortal, loadPost, oneParam, readerLocale } from "../load";

type Props = { params: Promise<{ workspace: string; post: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load({ params, searchParams }: Props) {
  const { workspace, post: slug } = await params;
  const portal = await loadPortal(workspace);
  const post = await loadPost(portal.id, slug);
  const locale = await readerLocale(portal, post.translations, oneParam((await searchParams).lang));
  return { portal, post, locale, text: localize(post, locale) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { portal, post, text } = await load(props);
  const url = `${portal.url}/${post.slug}`;
  const description = markdownExcerpt(text.body, 200);
  const cover = post.coverUploadId ? absoluteUrl(`/api/uploads/${portal.slug}/${post.coverUploadId}`) : undefined;
  return {
    title: { absolute: `${text.title} · ${portal.name} changelog` },
    description,
    alternates: {
      canonical: url,
      types: { "application/rss+xml": `${portal.url}/rss.xml`, "application/atom+xml": `${portal.url}/atom.xml` },
    },
    openGraph: {
      type: "article",
      title: text.title,
      description,
      url,
      siteName: `${portal.name} changelog`,
      publishedTime: post.publishedAt.toISOString(),
      modifiedTime: post.updatedAt.toISOString(),
      images: cover ? [{ url: cover }] : undefined,
    },
    twitter: { card: cover ? "summary_large_image" : "summary", title: text.title, description },
    robots: portal.branding.noindex ? { index: false, follow: false } : undefined,
  };
}

export default async function PortalPost(props: Props) {
  const { portal, post, locale, text } = await load(props);
  // Counted after the response is sent: one more view for today, nothing about the reader.
  after(() => recordView(portal.id, post.id));
  const counts = (await reactionCounts(portal.id, [post.id])).get(post.id)!;
  const brand = brandOf(portal);
  return (
    <PortalShell brand={brand}>
      <a href={brand.url} className="text-sm font-semibold text-[var(--accent)]">← All updates</a>
      <article lang={locale} className="mt-6">
        <div className="flex items-center gap-3 text-sm text-slate-500">
          <CategoryBadge category={post.category} />
          <time dateTime={post.publishedAt.toISOString()}>{formatPostDate(post.publishedAt, locale ?? portal.defaultLocale)}</time>
        </div>
        <h1 className="mt-3 text-3xl font-bold tracking-tight text-slate-900">{text.title}</h1>
        {post.coverUploadId ? (
          // eslint-disable-next-line @next/next/no-img-element -- next/image would add client JavaScript to a page that needs none
          <img src={`/api/uploads/${portal.slug}/${post.coverUploadId}`} alt="" className="mt-6 w-full rounded-lg ring-1 ring-slate-200" />
        ) : null}
        <div
          className="prose-portal mt-6 space-y-4 leading-7 text-slate-800 [&_a]:text-[var(--accent)] [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:font-semibold [&_img]:rounded [&_li]:ml-5 [&_ol]:list-decimal [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-900 [&_pre]:p-4 [&_pre]:text-slate-100 [&_pre_code]:bg-transparent [&_pre_code]:p-0 [&_ul]:list-disc [&_blockquote]:border-l-4 [&_blockquote]:pl-4 [&_blockquote]:text-slate-600"
          // Sanitized by lib/markdown/render (allow-list of tags, attributes and URL schemes).
          dangerouslySetInnerHTML={{ __html: renderMarkdown(text.body) }}
        />
      </article>
      <section aria-labelledby="reactions-heading" className="mt-10 border-t border-slate-200 pt-6">
        <h2 id="reactions-heading" className="mb-3 text-sm font-semibold text-slate-700">Was this useful?</h2>
        <ReactionBar endpoint={`/api/changelog/${portal.slug}/posts/${post.slug}/reactions`} reactions={REACTIONS} initialCounts={counts} />
      </section>
    </PortalShell>
  );
}
