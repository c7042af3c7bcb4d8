import { closeWhenDraining, shuttingDown } from "@/lib/http/shutdown";
import { readiness } from "@/lib/ops/readiness";

// Readiness for load balancers: 503 + Retry-After until the database answers and is migrated, and
// from SIGTERM on (lib/http/shutdown.ts).
export async function GET() {
  // A stopping instance is not ready: the load balancer sends new requests elsewhere.
  if (shuttingDown()) return closeWhenDraining(Response.json({ status: "unavailable", reason: "Shutting down." }, { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "2" } }));
  const state = await readiness();
  if (state.ready) return Response.json({ status: "ready", migrations: state.migrations }, { headers: { "Cache-Control": "no-store" } });
  return Response.json({ status: "unavailable", reason: state.reason }, { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "2" } });
}
