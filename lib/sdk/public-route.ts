import "server-only";
// The one wrapper for the public SDK API (/api/sdk/v1/*): open CORS without credentials, no cookies,
// a body cap (413), JSON and zod validation (400), a per-workspace rate limit that stores no caller
// (429), the workspace by public key (404), 503 while the database is unreachable, `Connection: close`
// once the instance is stopping (lib/http/shutdown.ts).
import type { z } from "zod";
import { isDatabaseUnavailable } from "@/lib/http/database-unavailable";
import { problem } from "@/lib/http/problem";
import { createRateLimiter } from "@/lib/http/rate-limit";
import { readJson } from "@/lib/http/read-json";
import { closeWhenDraining } from "@/lib/http/shutdown";
import { log } from "@/lib/log";
import { sdkWorkspace, type TSdkWorkspace } from "./workspace-cache";

export const SDK_CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  // Lets the SDK honour Retry-After on 429 and 503 across origins.
  "Access-Control-Expose-Headers": "Retry-After",
  "Access-Control-Max-Age": "86400",
} as const;
const NO_STORE = { ...SDK_CORS, "Cache-Control": "no-store" };

/** Requests per minute per workspace key and instance (HERALD_SDK_RATE_LIMIT). */
const limiter = createRateLimiter({ name: "sdk", limit: Number(process.env.HERALD_SDK_RATE_LIMIT) || 60_000, windowMs: 60_000 });

export function sdkPreflight(): Response {
  return new Response(null, { status: 204, headers: SDK_CORS });
}

export function sdkJson(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: NO_STORE });
}

export function sdkProblem(status: number, message: string, extra?: Record<string, string>): Response {
  return problem(status, message, undefined, { ...NO_STORE, ...extra });
}

/** A list over its limit (say, 1,000 events in one batch) is "too large", like an oversized body. */
async function tooManyItems(response: Response): Promise<Response> {
  const body = (await response.clone().json()) as { error?: { message?: string; details?: Array<{ code?: string; path?: unknown[]; origin?: string }> } };
  const big = body.error?.details?.find((d) => d.code === "too_big" && d.origin === "array" && d.path?.length === 1);
  return big ? sdkProblem(413, body.error?.message ?? "Too many items.") : response;
}

export function sdkRoute<S extends z.ZodType<{ key: string }>>(
  name: string,
  schema: S,
  maxBytes: number,
  handler: (input: z.infer<S>, ws: TSdkWorkspace) => Promise<Response>,
) {
  return async (req: Request): Promise<Response> => {
    const started = performance.now();
    const response = await handle(req);
    // One line per request with its id and duration (debug level, or info when slow or failed); never the caller.
    const ms = Math.round(performance.now() - started);
    const line = () => ({ requestId: crypto.randomUUID(), route: name, status: response.status, ms });
    if (response.status >= 500 || ms > 1000) log.info("sdk.request", line());
    else if (process.env.HERALD_LOG_LEVEL === "debug") log.debug("sdk.request", line()); // built only when it is written
    return closeWhenDraining(response);
  };

  async function handle(req: Request): Promise<Response> {
    try {
      const body = await readJson(req, schema, maxBytes, NO_STORE);
      if (!body.ok) return body.response.status === 400 ? await tooManyItems(body.response) : body.response;
      const { key } = body.data;
      const rate = await limiter.take(key);
      if (!rate.ok) return sdkProblem(429, "Too many requests for this workspace. Try again shortly.", { "Retry-After": String(rate.retryAfterSeconds) });
      const ws = await sdkWorkspace(key);
      if (!ws) return sdkProblem(404, "No workspace has this key.");
      return await handler(body.data, ws);
    } catch (error) {
      if (isDatabaseUnavailable(error)) return sdkProblem(503, "Herald's database is unavailable. Try again shortly.", { "Retry-After": "2" });
      log.error("sdk.request_failed", { route: name, error });
      return sdkProblem(500, "Herald could not handle this request.");
    }
  }
}
