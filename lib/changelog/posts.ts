import "server-only";
// The changelog editor's data functions. Every one takes the workspace id explicitly and filters by
// it, so that another workspace's post answers exactly like a missing one.
import { and, count, desc, eq, like, ne, sql } from "drizzle-orm";
import { db } from "@/db";
import { changelogPosts, postReactions, postViewCounts, uploads, workspaces } from "@/db/schema";
import { z } from "zod";
import { readSettings } from "@/lib/workspaces/settings";
import { postSlugify, ZPostInput, type TPostData, type TPostInput } from "./schemas";

export const EDITOR_PAGE_SIZE = 20;

export type SaveResult = { ok: true; id: string; slug: string } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** The categories a post may take: the workspace's own (settings.portal.categories). */
export async function categoriesFor(workspaceId: string): Promise<string[]> {
  const [row] = await db.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return row ? readSettings(row.settings).portal.categories : [];
}

export async function listPostsForEditor(workspaceId: string, page = 1) {
  const current = Math.max(1, Math.floor(page) || 1);
  const views = db
    .select({ postId: postViewCounts.postId, n: sql<number>`sum(${postViewCounts.count})::int`.as("views") })
    .from(postViewCounts)
    .where(eq(postViewCounts.workspaceId, workspaceId))
    .groupBy(postViewCounts.postId)
    .as("v");
  const reactions = db
    .select({ postId: postReactions.postId, n: sql<number>`count(*)::int`.as("reactions") })
    .from(postReactions)
    .where(eq(postReactions.workspaceId, workspaceId))
    .groupBy(postReactions.postId)
    .as("r");
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: changelogPosts.id,
        title: changelogPosts.title,
        slug: changelogPosts.slug,
        category: changelogPosts.category,
        status: changelogPosts.status,
        publishedAt: changelogPosts.publishedAt,
        updatedAt: changelogPosts.updatedAt,
        views: sql<number>`coalesce(${views.n}, 0)`,
        reactions: sql<number>`coalesce(${reactions.n}, 0)`,
      })
      .from(changelogPosts)
      .leftJoin(views, eq(views.postId, changelogPosts.id))
      .leftJoin(reactions, eq(reactions.postId, changelogPosts.id))
      .where(eq(changelogPosts.workspaceId, workspaceId))
      // Newest publication first; drafts without a date sort by their last edit.
      .orderBy(desc(sql`coalesce(${changelogPosts.publishedAt}, ${changelogPosts.updatedAt})`), desc(changelogPosts.id))
      .limit(EDITOR_PAGE_SIZE)
      .offset((current - 1) * EDITOR_PAGE_SIZE),
    db.select({ total: count() }).from(changelogPosts).where(eq(changelogPosts.workspaceId, workspaceId)),
  ]);
  return { posts: rows.map((r) => ({ ...r, views: Number(r.views), reactions: Number(r.reactions) })), total, page: current, pageCount: Math.max(1, Math.ceil(total / EDITOR_PAGE_SIZE)) };
}

export async function getPostForEditor(workspaceId: string, postId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(postId)) return undefined;
  const [post] = await db
    .select()
    .from(changelogPosts)
    .where(and(eq(changelogPosts.workspaceId, workspaceId), eq(changelogPosts.id, postId)));
  return post;
}

async function freeSlug(workspaceId: string, base: string, exceptId?: string): Promise<string> {
  const taken = new Set(
    (
      await db
        .select({ slug: changelogPosts.slug })
        .from(changelogPosts)
        .where(and(eq(changelogPosts.workspaceId, workspaceId), like(changelogPosts.slug, `${base}%`), exceptId ? ne(changelogPosts.id, exceptId) : undefined))
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Validation that needs the database: category, cover ownership, slug uniqueness. */
async function prepare(workspaceId: string, input: TPostInput, existing?: { id: string; category: string }) {
  const parsed = ZPostInput.safeParse(input);
  if (!parsed.success) {
    const fields = Object.entries(z.flattenError(parsed.error).fieldErrors).map(([k, v]) => [k, (v as string[])[0]]);
    return { ok: false as const, error: "Please correct the highlighted fields.", fieldErrors: Object.fromEntries(fields) as Record<string, string> };
  }
  const data: TPostData = parsed.data;
  const categories = await categoriesFor(workspaceId);
  if (!categories.includes(data.category) && data.category !== existing?.category) {
    return { ok: false as const, error: "Please correct the highlighted fields.", fieldErrors: { category: `Choose one of: ${categories.join(", ")}.` } };
  }
  if (data.coverUploadId) {
    const [upload] = await db
      .select({ id: uploads.id })
      .from(uploads)
      .where(and(eq(uploads.workspaceId, workspaceId), eq(uploads.id, data.coverUploadId)));
    if (!upload) return { ok: false as const, error: "Please correct the highlighted fields.", fieldErrors: { coverUploadId: "Upload the cover image again." } };
  }
  let slug: string;
  if (data.slug) {
    const [clash] = await db
      .select({ id: changelogPosts.id })
      .from(changelogPosts)
      .where(and(eq(changelogPosts.workspaceId, workspaceId), eq(changelogPosts.slug, data.slug), existing ? ne(changelogPosts.id, existing.id) : undefined));
    if (clash) return { ok: false as const, error: "Please correct the highlighted fields.", fieldErrors: { slug: "Another post already uses this slug." } };
    slug = data.slug;
  } else {
    slug = await freeSlug(workspaceId, postSlugify(data.title), existing?.id);
  }
  // Publishing without a date means "now"; a scheduled post goes live at its date.
  const publishedAt = data.status === "published" ? (data.publishedAt ?? new Date()) : data.publishedAt;
  return {
    ok: true as const,
    values: { slug, title: data.title, body: data.body, category: data.category, status: data.status, publishedAt, coverUploadId: data.coverUploadId, translations: data.translations },
  };
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

const SLUG_RACE: SaveResult = { ok: false, error: "Please correct the highlighted fields.", fieldErrors: { slug: "Another post already uses this slug." } };

export async function createPost(workspaceId: string, input: TPostInput): Promise<SaveResult> {
  const prepared = await prepare(workspaceId, input);
  if (!prepared.ok) return prepared;
  try {
    const [post] = await db.insert(changelogPosts).values({ workspaceId, ...prepared.values }).returning({ id: changelogPosts.id, slug: changelogPosts.slug });
    return { ok: true, ...post };
  } catch (error) {
    if (isUniqueViolation(error)) return SLUG_RACE;
    throw error;
  }
}

/** undefined when the post does not exist in this workspace. */
export async function updatePost(workspaceId: string, postId: string, input: TPostInput): Promise<SaveResult | undefined> {
  const existing = await getPostForEditor(workspaceId, postId);
  if (!existing) return undefined;
  const prepared = await prepare(workspaceId, input, existing);
  if (!prepared.ok) return prepared;
  try {
    const [post] = await db
      .update(changelogPosts)
      .set({ ...prepared.values, updatedAt: new Date() })
      .where(and(eq(changelogPosts.workspaceId, workspaceId), eq(changelogPosts.id, postId)))
      .returning({ id: changelogPosts.id, slug: changelogPosts.slug });
    return post ? { ok: true, ...post } : undefined;
  } catch (error) {
    if (isUniqueViolation(error)) return SLUG_RACE;
    throw error;
  }
}

/** true when a post of this workspace was deleted. */
export async function deletePost(workspaceId: string, postId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(postId)) return false;
  const rows = await db
    .delete(changelogPosts)
    .where(and(eq(changelogPosts.workspaceId, workspaceId), eq(changelogPosts.id, postId)))
    .returning({ id: changelogPosts.id });
  return rows.length > 0;
}
