import "server-only";
// Anonymous reactions: keyed by a random voter id the reader's browser keeps in local storage.
// No account, IP or user agent is read or stored; one row per (post, voter, reaction).
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { postReactions } from "@/db/schema";
import { reactionCounts, type ReactionCounts } from "./portal";
import { REACTIONS, ZReaction, type TReaction } from "./schemas";

export const ZVoterId = z.string({ error: "voterId is required." }).regex(/^[A-Za-z0-9_-]{16,64}$/, "voterId must be 16–64 letters, digits, - or _.");

export const ZReactionRequest = z
  .object({
    voterId: ZVoterId,
    emoji: ZReaction,
    // Sets the reader's reaction on or off: repeating a request changes nothing (double clicks, retries).
    active: z.boolean({ error: "active must be true or false." }).default(true),
  })
  .strict();
export type TReactionRequest = z.infer<typeof ZReactionRequest>;

export type ReactionState = { counts: ReactionCounts; mine: TReaction[] };

export async function reactionState(workspaceId: string, postId: string, voterId?: string): Promise<ReactionState> {
  const [counts, mine] = await Promise.all([
    reactionCounts(workspaceId, [postId]).then((m) => m.get(postId)!),
    voterId
      ? db
          .select({ emoji: postReactions.emoji })
          .from(postReactions)
          .where(and(eq(postReactions.workspaceId, workspaceId), eq(postReactions.postId, postId), eq(postReactions.voterId, voterId)))
      : Promise.resolve([]),
  ]);
  return { counts, mine: mine.map((r) => r.emoji).filter((e): e is TReaction => (REACTIONS as readonly string[]).includes(e)) };
}

/** Turns one reader's reaction on or off (idempotent) and returns the post's new state. */
export async function setReaction(workspaceId: string, postId: string, input: TReactionRequest): Promise<ReactionState> {
  const { voterId, emoji, active } = ZReactionRequest.parse(input);
  if (active) {
    await db.insert(postReactions).values({ workspaceId, postId, voterId, emoji }).onConflictDoNothing();
  } else {
    await db
      .delete(postReactions)
      .where(and(eq(postReactions.workspaceId, workspaceId), eq(postReactions.postId, postId), eq(postReactions.voterId, voterId), eq(postReactions.emoji, emoji)));
  }
  return reactionState(workspaceId, postId, voterId);
}
