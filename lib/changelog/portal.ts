import "server-only";
// Reading the public changelog: only posts that are published, or scheduled with their time passed.
// Nothing here knows or records who reads.
import { and, count, desc, eq, ilike, inArray, isNotNull, lte, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { changelogPosts, postReactions, workspaces } from "@/db/schema";
import { env } from "@/lib/env";
import { readSettings, type TWorkspaceSettings } from "@/lib/workspaces/settings";
import { SLUG_PATTERN } from "@/lib/workspaces/slug";
import { POST_SLUG_PATTERN, REACTIONS, type TReaction } from "./schemas";

export const PORTAL_PAGE_SIZE = 10;

export type Portal = {
  id: string;
  name: string;
  slug: string;
  url: string;
  defaultLocale: string;
  branding: TWorkspaceSettings["portal"];
};

/** An absolute URL on Herald's own host (feeds, sitemaps, Open Graph need absolute URLs). */
export function absoluteUrl(path: string): string {
  return `${env().APP_URL.replace(/\/$/, "")}${path}`;
}

export function portalUrl(slug: string): string {
  return absoluteUrl(`/changelog/${slug}`);
}

function toPortal(row: { id: string; name: string; slug: string; settings: unknown }): Portal {
  const settings = readSettings(row.settings);
  return { id: row.id, name: row.name, slug: row.slug, url: portalUrl(row.slug), defaultLocale: settings.defaultLocale, branding: settings.portal };
}

const portalColumns = { id: workspaces.id, name: workspaces.name, slug: workspaces.slug, settings: workspaces.settings };

export async function findPortal(slug: string): Promise<Portal | undefined> {
  if (!SLUG_PATTERN.test(slug)) return undefined;
  const [row] = await db.select(portalColumns).from(workspaces).where(eq(workspaces.slug, slug));
  return row ? toPortal(row) : undefined;
}

export async function findPortalByKey(publicKey: string): Promise<Portal | undefined> {
  if (!/^pk_[A-Za-z0-9]{8,64}$/.test(publicKey)) return undefined;
  const [row] = await db.select(portalColumns).from(workspaces).where(eq(workspaces.publicKey, publicKey));
  return row ? toPortal(row) : undefined;
}

/** The visibility rule, in one place: published or scheduled, with a publication time not in the future. */
function visible(workspaceId: string, now: Date): SQL {
  return and(
    eq(changelogPosts.workspaceId, workspaceId),
    inArray(changelogPosts.status, ["published", "scheduled"]),
    isNotNull(changelogPosts.publishedAt),
    lte(changelogPosts.publishedAt, now),
  )!;
}

const listColumns = {
  id: changelogPosts.id,
  slug: changelogPosts.slug,
  title: changelogPosts.title,
  body: changelogPosts.body,
  category: changelogPosts.category,
  coverUploadId: changelogPosts.coverUploadId,
  publishedAt: changelogPosts.publishedAt,
  updatedAt: changelogPosts.updatedAt,
  translations: changelogPosts.translations,
};

export type PortalPost = { [K in keyof typeof listColumns]: (typeof changelogPosts.$inferSelect)[K] } & { publishedAt: Date };

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type PortalQuery = { page?: number; category?: string; q?: string; pageSize?: number };

/** Newest first; `q` matches title or body (case-insensitive). */
export async function listVisiblePosts(workspaceId: string, query: PortalQuery = {}, now = new Date()) {
  const pageSize = Math.min(Math.max(query.pageSize ?? PORTAL_PAGE_SIZE, 1), 100);
  const page = Math.max(1, Math.floor(query.page ?? 1) || 1);
  const q = query.q?.trim().slice(0, 100);
  const where = and(
    visible(workspaceId, now),
    query.category ? eq(changelogPosts.category, query.category.slice(0, 40)) : undefined,
    q ? or(ilike(changelogPosts.title, `%${escapeLike(q)}%`), ilike(changelogPosts.body, `%${escapeLike(q)}%`)) : undefined,
  );
  const [posts, [{ total }]] = await Promise.all([
    db.select(listColumns).from(changelogPosts).where(where).orderBy(desc(changelogPosts.publishedAt), desc(changelogPosts.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ total: count() }).from(changelogPosts).where(where),
  ]);
  return { posts: posts as PortalPost[], total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export async function findVisiblePost(workspaceId: string, slug: string, now = new Date()): Promise<PortalPost | undefined> {
  if (!POST_SLUG_PATTERN.test(slug)) return undefined;
  const [post] = await db.select(listColumns).from(changelogPosts).where(and(visible(workspaceId, now), eq(changelogPosts.slug, slug)));
  return post as PortalPost | undefined;
}

/** Every visible post's slug and dates, for the sitemap. */
export async function listVisibleSlugs(workspaceId: string, now = new Date()) {
  return db
    .select({ slug: changelogPosts.slug, updatedAt: changelogPosts.updatedAt })
    .from(changelogPosts)
    .where(visible(workspaceId, now))
    .orderBy(desc(changelogPosts.publishedAt))
    .limit(50_000);
}

export type ReactionCounts = Record<TReaction, number>;

export function emptyCounts(): ReactionCounts {
  return Object.fromEntries(REACTIONS.map((r) => [r, 0])) as ReactionCounts;
}

/** Reaction counts per post id (every reaction present, zero when none). */
export async function reactionCounts(workspaceId: string, postIds: string[]): Promise<Map<string, ReactionCounts>> {
  const out = new Map(postIds.map((id) => [id, emptyCounts()]));
  if (postIds.length === 0) return out;
  const rows = await db
    .select({ postId: postReactions.postId, emoji: postReactions.emoji, n: sql<number>`count(*)::int` })
    .from(postReactions)
    .where(and(eq(postReactions.workspaceId, workspaceId), inArray(postReactions.postId, postIds)))
    .groupBy(postReactions.postId, postReactions.emoji);
  for (const r of rows) {
    const counts = out.get(r.postId);
    if (counts && r.emoji in counts) counts[r.emoji as TReaction] = Number(r.n);
  }
  return out;
}

/** Only a Herald-hosted logo is shown: an image from another host would tell that host who reads. */
export function portalLogo(portal: Portal): string | undefined {
  const logo = portal.branding.logoUrl;
  if (!logo) return undefined;
  if (logo.startsWith("/") && !logo.startsWith("//")) return logo;
  try {
    const url = new URL(logo);
    return url.origin === new URL(env().APP_URL).origin ? `${url.pathname}${url.search}` : undefined;
  } catch {
    return undefined;
  }
}
