import "server-only";
import type { z } from "zod";
import type { Role } from "@/db/schema";
import { currentUserId } from "@/lib/auth/auth";
import { findMembership } from "@/lib/workspaces/workspaces";
import { problem } from "./problem";

type Ctx = { userId: string; workspace: NonNullable<Awaited<ReturnType<typeof findMembership>>>["workspace"]; role: Role };

const MAX_BODY = 64 * 1024;

/** Rejects cross-site writes: a browser always sends Origin on POST/PUT/PATCH/DELETE. */
function sameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return true; // non-browser clients (tests, curl) carry no ambient cookie risk without one
  return new URL(origin).host === new URL(req.url).host || origin === process.env.APP_URL;
}

/**
 * The one wrapper for dashboard JSON route handlers under /api/w/[slug]/…: session, membership
 * (404 otherwise), role (403), same-origin writes, body size and zod validation, uniform errors.
 */
export function workspaceRoute<S extends z.ZodType>(
  options: { schema?: S; roles?: readonly Role[] },
  handler: (input: z.infer<S>, ctx: Ctx, req: Request) => Promise<Response>,
) {
  return async (req: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> => {
    const userId = await currentUserId();
    if (!userId) return problem(401, "Sign in first.");
    const membership = await findMembership(userId, (await params).slug);
    if (!membership) return problem(404, "Not found.");
    if (options.roles && !options.roles.includes(membership.role)) {
      return problem(403, "Only a workspace owner or admin can do this.");
    }
    if (req.method !== "GET" && !sameOrigin(req)) return problem(403, "Cross-site request refused.");
    let input: unknown = undefined;
    if (options.schema) {
      const text = req.method === "GET" ? "{}" : await req.text();
      if (text.length > MAX_BODY) return problem(413, `Request body is larger than ${MAX_BODY} bytes.`);
      try {
        input = JSON.parse(text || "{}");
      } catch {
        return problem(400, "Request body is not valid JSON.");
      }
      const parsed = options.schema.safeParse(input);
      if (!parsed.success) return problem(400, parsed.error.issues[0]?.message ?? "Invalid request.", parsed.error.issues);
      input = parsed.data;
    }
    return handler(input as z.infer<S>, { userId, workspace: membership.workspace, role: membership.role }, req);
  };
}
