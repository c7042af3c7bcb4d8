import "server-only";
// The public reactions endpoint's logic, testable without Next: find the visible post, rate-limit per
// workspace (only a counter, never who called), validate, and set or read the reaction state.
import { problem } from "@/lib/http/problem";
import { createRateLimiter } from "@/lib/http/rate-limit";
import { readJson } from "@/lib/http/read-json";
import { findPortal, findVisiblePost } from "./portal";
import { reactionState, setReaction, ZReactionRequest, ZVoterId } from "./reactions";

export const MAX_REACTION_BODY = 1024;
const NO_STORE = { "Cache-Control": "no-store" };
const writes = createRateLimiter({ name: "reactions-write", limit: 300, windowMs: 60_000 });
const reads = createRateLimiter({ name: "reactions-read", limit: 1200, windowMs: 60_000 });

async function locate(workspace: string, postSlug: string) {
  const portal = await findPortal(workspace);
  const post = portal ? await findVisiblePost(portal.id, postSlug) : undefined;
  return portal && post ? { portal, post } : undefined;
}

function tooMany(retryAfterSeconds: number): Response {
  return problem(429, "Too many reactions on this changelog right now. Try again in a minute.", undefined, {
    ...NO_STORE,
    "Retry-After": String(retryAfterSeconds),
  });
}

export async function getReactions(req: Request, workspace: string, postSlug: string): Promise<Response> {
  const found = await locate(workspace, postSlug);
  if (!found) return problem(404, "This post does not exist.", undefined, NO_STORE);
  const rate = await reads.take(found.portal.id);
  if (!rate.ok) return tooMany(rate.retryAfterSeconds);
  const raw = new URL(req.url).searchParams.get("voterId");
  const voter = raw === null ? undefined : ZVoterId.safeParse(raw);
  if (voter && !voter.success) return problem(400, voter.error.issues[0].message, undefined, NO_STORE);
  return Response.json(await reactionState(found.portal.id, found.post.id, voter?.data), { headers: NO_STORE });
}

export async function postReaction(req: Request, workspace: string, postSlug: string): Promise<Response> {
  // JSON only: a cross-site form cannot send it without a CORS preflight, which this endpoint refuses.
  if (!req.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    return problem(415, "Send the reaction as application/json.", undefined, NO_STORE);
  }
  const found = await locate(workspace, postSlug);
  if (!found) return problem(404, "This post does not exist.", undefined, NO_STORE);
  const rate = await writes.take(found.portal.id);
  if (!rate.ok) return tooMany(rate.retryAfterSeconds);
  const body = await readJson(req, ZReactionRequest, MAX_REACTION_BODY, NO_STORE);
  if (!body.ok) return body.response;
  return Response.json(await setReaction(found.portal.id, found.post.id, body.data), { headers: NO_STORE });
}
