import { createRateLimiter } from "@/lib/http/rate-limit";
import { changelogForSdk, ZSdkChangelogQuery } from "@/lib/changelog/sdk";
import { SDK_CORS, sdkPreflight, sdkProblem } from "@/lib/sdk/public-route";

// Public, cookie-less, callable from any origin: the in-app widget's latest posts.
const limiter = createRateLimiter({ name: "sdk-changelog", limit: 600, windowMs: 60_000 });

export const OPTIONS = sdkPreflight;

export async function GET(req: Request) {
  const parsed = ZSdkChangelogQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return sdkProblem(400, parsed.error.issues[0]?.message ?? "Invalid request.");
  const rate = await limiter.take(parsed.data.key);
  if (!rate.ok) return sdkProblem(429, "Too many requests for this workspace. Try again in a minute.", { "Retry-After": String(rate.retryAfterSeconds) });
  const data = await changelogForSdk(parsed.data.key, parsed.data.locale);
  if (!data) return sdkProblem(404, "No workspace has this key.");
  return Response.json(data, { headers: { ...SDK_CORS, "Cache-Control": "public, max-age=60" } });
}
