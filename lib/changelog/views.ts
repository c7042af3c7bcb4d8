import "server-only";
// View counts are one counter per post and day: nothing records who read, only how many.
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { postViewCounts } from "@/db/schema";

/** Adds one view to today's (UTC) counter of the post. */
export async function recordView(workspaceId: string, postId: string, now = new Date()): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  await db
    .insert(postViewCounts)
    .values({ workspaceId, postId, day, count: 1 })
    .onConflictDoUpdate({ target: [postViewCounts.postId, postViewCounts.day], set: { count: sql`${postViewCounts.count} + 1` } });
}

export async function totalViews(workspaceId: string, postId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${postViewCounts.count}), 0)::int` })
    .from(postViewCounts)
    .where(and(eq(postViewCounts.workspaceId, workspaceId), eq(postViewCounts.postId, postId)));
  return Number(row?.n ?? 0);
}
