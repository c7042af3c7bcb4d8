import { createRateLimiter } from "@/lib/changelog/rate-limit";
import { changelogForSdk, ZSdkChangelogQuery } from "@/lib/changelog/sdk";
import { problem } from "@/lib/http/problem";

// Public, cookie-less, callable from any origin: the in-app widget's latest posts.
const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Max-Age": "86400",
};
const limiter = createRateLimiter({ limit: 600, windowMs: 60_000 });

export function OPTIONS() {
  return new Response(null, { status: 204, headers: CORS });
}

export async function GET(req: Request) {
  const parsed = ZSdkChangelogQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return problem(400, parsed.error.issues[0]?.message ?? "Invalid request.", undefined, CORS);
  if (!limiter.take(parsed.data.key)) {
    return problem(429, "Too many requests for this workspace. Try again in a minute.", undefined, { ...CORS, "Retry-After": String(limiter.retryAfterSeconds(parsed.data.key)) });
  }
  const data = await changelogForSdk(parsed.data.key, parsed.data.locale);
  if (!data) return problem(404, "No workspace has this key.", undefined, CORS);
  return Response.json(data, { headers: { ...CORS, "Cache-Control": "public, max-age=60" } });
}
