import "server-only";
// The in-app changelog widget's data (GET /api/sdk/v1/changelog): the latest visible posts, localized.
import { z } from "zod";
import { markdownExcerpt } from "@/lib/markdown/render";
import { localize, pickLocale } from "./locale";
import { findPortalByKey, listVisiblePosts } from "./portal";

export const SDK_CHANGELOG_SIZE = 10;

export const ZSdkChangelogQuery = z
  .object({
    key: z.string({ error: "key is required." }).min(1, "key is required.").max(100),
    locale: z.string().max(35).optional(),
  })
  .strict();

export const ZSdkChangelog = z.object({
  portalUrl: z.string(),
  posts: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      title: z.string(),
      category: z.string(),
      publishedAt: z.string(),
      excerpt: z.string().max(280),
      url: z.string(),
    }),
  ),
});
export type TSdkChangelog = z.infer<typeof ZSdkChangelog>;

/** undefined when no workspace has this public key. */
export async function changelogForSdk(key: string, locale?: string): Promise<TSdkChangelog | undefined> {
  const portal = await findPortalByKey(key);
  if (!portal) return undefined;
  const { posts } = await listVisiblePosts(portal.id, { pageSize: SDK_CHANGELOG_SIZE });
  return {
    portalUrl: portal.url,
    posts: posts.map((post) => {
      const chosen = pickLocale(Object.keys(post.translations ?? {}), { lang: locale, defaultLocale: portal.defaultLocale });
      const text = localize(post, chosen);
      return {
        id: post.id,
        slug: post.slug,
        title: text.title,
        category: post.category,
        publishedAt: post.publishedAt.toISOString(),
        excerpt: markdownExcerpt(text.body, 280),
        url: `${portal.url}/${post.slug}`,
      };
    }),
  };
}
