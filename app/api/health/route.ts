// Liveness: the process serves requests. Readiness (database, migrations) is /api/ready.
export function GET() {
  return Response.json({ status: "ok" });
}
