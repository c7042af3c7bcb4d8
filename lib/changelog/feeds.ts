import "server-only";
// RSS 2.0, Atom 1.0 and sitemap documents of a workspace's public changelog. Post bodies go into the
// feeds as sanitized HTML, escaped as XML text.
import { markdownExcerpt, renderMarkdown } from "@/lib/markdown/render";
import { problem } from "@/lib/http/problem";
import { localize, pickLocale } from "./locale";
import { listVisiblePosts, listVisibleSlugs, type Portal } from "./portal";

export const FEED_SIZE = 20;

export function escapeXml(text: string): string {
  // Also drops characters XML 1.0 forbids, so that a stray control character cannot break a feed.
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

async function feedItems(portal: Portal, lang?: string) {
  const { posts } = await listVisiblePosts(portal.id, { pageSize: FEED_SIZE });
  return posts.map((post) => {
    const text = localize(post, pickLocale(Object.keys(post.translations ?? {}), { lang, defaultLocale: portal.defaultLocale }));
    return {
      id: post.id,
      url: `${portal.url}/${post.slug}`,
      title: text.title,
      category: post.category,
      html: renderMarkdown(text.body),
      summary: markdownExcerpt(text.body),
      publishedAt: post.publishedAt,
      updatedAt: post.updatedAt > post.publishedAt ? post.updatedAt : post.publishedAt,
    };
  });
}

export async function buildRss(portal: Portal, lang?: string): Promise<string> {
  const items = await feedItems(portal, lang);
  const entries = items
    .map(
      (i) => `    <item>
      <title>${escapeXml(i.title)}</title>
      <link>${escapeXml(i.url)}</link>
      <guid isPermaLink="false">${i.id}</guid>
      <pubDate>${i.publishedAt.toUTCString()}</pubDate>
      <category>${escapeXml(i.category)}</category>
      <description>${escapeXml(i.html)}</description>
    </item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(`${portal.name} changelog`)}</title>
    <link>${escapeXml(portal.url)}</link>
    <description>${escapeXml(`What's new in ${portal.name}`)}</description>
    <language>${escapeXml(lang ?? portal.defaultLocale)}</language>
    <atom:link href="${escapeXml(`${portal.url}/rss.xml`)}" rel="self" type="application/rss+xml"/>
${items[0] ? `    <lastBuildDate>${items[0].updatedAt.toUTCString()}</lastBuildDate>\n` : ""}${entries}
  </channel>
</rss>
`;
}

export async function buildAtom(portal: Portal, lang?: string): Promise<string> {
  const items = await feedItems(portal, lang);
  const updated = (items[0]?.updatedAt ?? new Date(0)).toISOString();
  const entries = items
    .map(
      (i) => `  <entry>
    <id>urn:uuid:${i.id}</id>
    <title>${escapeXml(i.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(i.url)}"/>
    <published>${i.publishedAt.toISOString()}</published>
    <updated>${i.updatedAt.toISOString()}</updated>
    <category term="${escapeXml(i.category)}"/>
    <summary>${escapeXml(i.summary)}</summary>
    <content type="html">${escapeXml(i.html)}</content>
  </entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(lang ?? portal.defaultLocale)}">
  <id>${escapeXml(portal.url)}</id>
  <title>${escapeXml(`${portal.name} changelog`)}</title>
  <updated>${updated}</updated>
  <author><name>${escapeXml(portal.name)}</name></author>
  <link rel="self" type="application/atom+xml" href="${escapeXml(`${portal.url}/atom.xml`)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(portal.url)}"/>
${entries}
</feed>
`;
}

export async function buildSitemap(portal: Portal): Promise<string> {
  const posts = await listVisibleSlugs(portal.id);
  const urls = [
    `  <url><loc>${escapeXml(portal.url)}</loc>${posts[0] ? `<lastmod>${posts[0].updatedAt.toISOString()}</lastmod>` : ""}</url>`,
    ...posts.map((p) => `  <url><loc>${escapeXml(`${portal.url}/${p.slug}`)}</loc><lastmod>${p.updatedAt.toISOString()}</lastmod></url>`),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join("\n")}
</urlset>
`;
}

/** Response headers of every portal XML document; a private changelog asks robots to stay out. */
export function xmlHeaders(portal: Portal, contentType: string): HeadersInit {
  return {
    "Content-Type": `${contentType}; charset=utf-8`,
    "Cache-Control": "public, max-age=300",
    ...(portal.branding.noindex ? { "X-Robots-Tag": "noindex, nofollow" } : {}),
  };
}

/** A feed's language comes from ?lang= only (feed readers send no useful Accept-Language). */
export function feedLang(req: Request): string | undefined {
  const lang = new URL(req.url).searchParams.get("lang");
  return lang && /^[a-zA-Z]{2}([-_][a-zA-Z]{2})?$/.test(lang) ? lang : undefined;
}

export function feedNotFound(): Response {
  return problem(404, "There is no changelog at this address.");
}
