import { readiness } from "@/lib/ops/readiness";

// Readiness for load balancers: 503 + Retry-After until the database answers and is migrated.
export async function GET() {
  const state = await readiness();
  if (state.ready) return Response.json({ status: "ready", migrations: state.migrations }, { headers: { "Cache-Control": "no-store" } });
  return Response.json({ status: "unavailable", reason: state.reason }, { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "2" } });
}
