// The SDK API under load, on a seeded workspace (10,000 end users, 20 segments, 50 live experiences):
// POST /resolve against a trivial route of the same server (targets: ≥ 50% of its throughput, p99
// ≤ 30 ms; reported, not enforced), then POST /events batches with retries, checking that every
// event is stored exactly once (enforced). Scratch PostgreSQL database, `next start` on loopback.
//   npx tsx --conditions=react-server bench/sdk-api.bench.ts      (after `npm run build`)
import pg from "pg";
import type { Request } from "autocannon";
import { testEnv } from "../test/test-env";
import { benchDatabase } from "./lib/bench-database";
import { PER_BATCH, RESEND_SHARE, eventBatches } from "./lib/event-batches";
import { fmt, load, machineLoad } from "./lib/load";
import { requireBuild, startNextServer } from "./lib/next-server";
import { runBench } from "./lib/run-bench";
import { END_USERS, PAGES, anonymousId, seedSdkWorkspace, type TBenchWorkspace } from "./lib/sdk-seed";

const SECONDS = 10;
const WARM_UP_SECONDS = 2;
const UNLOADED_SECONDS = 5;
const TIME_LIMIT_MS = 240_000;
const JSON_HEADERS = { "content-type": "application/json" };

/** Resolve bodies cycling through the seeded end users and pages; one in twenty is a first visit. */
function resolveRequest(key: string): Request {
  let n = 0;
  return {
    method: "POST",
    path: "/api/sdk/v1/resolve",
    headers: JSON_HEADERS,
    setupRequest: (req) => {
      n++;
      const id = n % 20 === 0 ? `bench-new-${n}` : anonymousId(1 + (n % END_USERS));
      return { ...req, body: JSON.stringify({ key, anonymousId: id, url: PAGES[n % PAGES.length] }) };
    },
  };
}

const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");

async function resolveVsTrivial(base: string, ws: TBenchWorkspace): Promise<void> {
  const sample = await fetch(`${base}/api/sdk/v1/resolve`, { method: "POST", headers: JSON_HEADERS, body: JSON.stringify({ key: ws.key, anonymousId: anonymousId(8), url: PAGES[0] }) });
  if (sample.status !== 200) throw new Error(`resolve answered ${sample.status}: ${await sample.text()}`);
  const { experiences } = (await sample.json()) as { experiences: unknown[] };
  console.log(`resolve sample: ${experiences.length} of ${ws.experienceIds.length} experiences eligible for one end user on ${PAGES[0]}`);

  const health: Request = { path: "/api/health" };
  await load(base, health, WARM_UP_SECONDS);
  await load(base, resolveRequest(ws.key), WARM_UP_SECONDS);
  const trivial = await load(base, health, SECONDS);
  const resolve = await load(base, resolveRequest(ws.key), SECONDS);
  const ratio = resolve.rps / trivial.rps;
  console.log(`\n50 connections, ${SECONDS} s each (${machineLoad()})`);
  console.log(`  GET  /api/health          ${fmt(trivial)}`);
  console.log(`  POST /api/sdk/v1/resolve  ${fmt(resolve)}`);
  console.log(`  resolve / trivial throughput ${(ratio * 100).toFixed(0)}% (target ≥ 50%): ${verdict(ratio >= 0.5)}`);
  console.log(`  resolve p99 ${resolve.p99.toFixed(1)} ms (target ≤ 30 ms): ${verdict(resolve.p99 <= 30)}`);
  // At 50 connections latency is mostly queueing (50 / throughput); one connection shows the service time.
  const alone = await load(base, resolveRequest(ws.key), UNLOADED_SECONDS, 1);
  console.log(`  one connection, ${UNLOADED_SECONDS} s: resolve ${fmt(alone)}`);
  console.log(`  resolve p99 on one connection ${alone.p99.toFixed(1)} ms (target ≤ 30 ms): ${verdict(alone.p99 <= 30)}`);
  if (resolve.failed + alone.failed > 0) throw new Error(`${resolve.failed + alone.failed} resolve requests failed`);
}

async function storedIds(databaseUrl: string, workspaceId: string, prefix: string): Promise<{ rows: number; ids: Set<string> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>("select client_event_id as id from experience_events where workspace_id = $1 and client_event_id like $2", [workspaceId, `${prefix}-%`]);
    return { rows: rows.length, ids: new Set(rows.map((r) => r.id)) };
  } finally {
    await client.end();
  }
}

/** Whether every acknowledged event is stored exactly once, and nothing that was not sent. */
async function eventsExactlyOnce(base: string, databaseUrl: string, ws: TBenchWorkspace): Promise<boolean> {
  await load(base, eventBatches("warm", ws.key, ws.experienceIds).request, WARM_UP_SECONDS);
  const { request, ledger: l } = eventBatches("bench", ws.key, ws.experienceIds);
  const result = await load(base, request, SECONDS);
  await new Promise((r) => setTimeout(r, 1_000)); // batches cut off at the end may still be committing
  const stored = await storedIds(databaseUrl, ws.workspaceId, "bench");
  const duplicated = stored.rows - stored.ids.size;
  const lost = [...l.acknowledged].filter((id) => !stored.ids.has(id)).length;
  const unexpected = [...stored.ids].filter((id) => !l.sent.has(id)).length;
  console.log(`\nPOST /api/sdk/v1/events, batches of ${PER_BATCH}, ${RESEND_SHARE * 100}% sent again, 50 connections, ${SECONDS} s (${machineLoad()})`);
  console.log(`  ${fmt(result)}`);
  console.log(`  ${(l.stored / result.seconds).toFixed(0)} events ingested/s (${l.stored} new events; ${l.resent} of ${l.batches} batches were re-sends)`);
  console.log(`  API answered: ${l.stored} stored, ${l.duplicates} duplicates, ${l.rejected} rejected`);
  console.log(`  sent ${l.sent.size} distinct ids (${l.acknowledged.size} acknowledged) · stored ${stored.ids.size} · duplicated ${duplicated} · lost ${lost} · unexpected ${unexpected}`);
  const ok = duplicated === 0 && lost === 0 && unexpected === 0 && l.rejected === 0;
  console.log(`  exactly once: ${ok ? "PASS" : "FAIL"}`);
  return ok;
}

runBench(TIME_LIMIT_MS, async (defer) => {
  requireBuild();
  const deadline = Date.now() + TIME_LIMIT_MS;
  for (const [k, v] of Object.entries(testEnv)) process.env[k] ??= v;
  const { encrypt } = await import("../lib/crypto/data-encryption");
  const url = await benchDatabase(defer);
  const t0 = performance.now();
  const ws = await seedSdkWorkspace(url, encrypt("bench-identity-secret"));
  console.log(`seeded 1 workspace, ${END_USERS.toLocaleString("en")} end users, 20 segments, ${ws.experienceIds.length} live experiences, past events in ${Math.round(performance.now() - t0)} ms`);
  // The per-key rate limit would otherwise answer 429 long before the server is saturated.
  const base = await startNextServer(defer, url, deadline, { HERALD_SDK_RATE_LIMIT: "100000000" });
  await resolveVsTrivial(base, ws);
  return (await eventsExactlyOnce(base, url, ws)) ? 0 : 1;
});
