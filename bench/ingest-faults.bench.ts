// Many instances, one database: two `next start` instances on a throwaway PostgreSQL of the bench's
// own, POST /events driven on both for 60 s by SDK-like clients (bench/lib/fault-clients.ts), while
// PostgreSQL is stopped for 3 s at 20 s and one instance is sent SIGTERM (then started again) at 40 s.
// Then: every acknowledged event stored exactly once, no 500, both back within 10 s, and the
// LISTEN/NOTIFY cache invalidation working again on both. Loopback only.
//   npm run bench -- faults      (after `npm run build`)
import pg from "pg";
import { randomBytes } from "node:crypto";
import { testEnv } from "../test/test-env";
import { startThrowawayPostgres } from "../scripts/lib/postgres-server";
import { createScratchDatabase } from "../scripts/lib/scratch-database";
import { PER_BATCH, RESEND_SHARE } from "./lib/event-batches";
import { faultClients, percentile, type TClients, type TRequest } from "./lib/fault-clients";
import { machineLoad } from "./lib/load";
import { freePort, requireBuild, startNextServerInstance, type TNextInstance } from "./lib/next-server";
import { runBench } from "./lib/run-bench";
import { PAGES, seedSdkWorkspace, type TBenchWorkspace } from "./lib/sdk-seed";

const LOAD_MS = 60_000;
const DB_RESTART_AT = 20_000;
const DB_DOWN_MS = 3_000;
const SIGTERM_AT = 40_000;
const DRAIN_MS = 15_000;
const RECOVERY_LIMIT_MS = 10_000;
const CLIENTS = Number(process.env.FAULTS_CLIENTS) || 24;
const TIME_LIMIT_MS = 230_000;
const SERVER_ENV = { HERALD_SDK_RATE_LIMIT: "100000000" };

const t0 = performance.now();
const clock = () => performance.now() - t0;
const sleepUntil = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - clock())));
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Ms after `since` until the instance answers /api/ready 200 and acknowledges a batch of its own. */
async function servingAgain(base: string, target: number, clients: TClients, since: number): Promise<number> {
  const limit = since + 30_000;
  const probe = clients.newBatch("faults-p");
  while (clock() < limit) {
    const ready = await fetch(`${base}/api/ready`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.status === 200, () => false);
    if (ready && (await clients.attempt(probe, target))) return clock() - since;
    await new Promise((r) => setTimeout(r, 100));
  }
  return Infinity;
}

/** The answers counted since `before` (a copy of the counts), e.g. `{"503":48}`. */
function since(before: Map<string, number>, now: Map<string, number>): string {
  return JSON.stringify(Object.fromEntries([...now].map(([k, n]) => [k, n - (before.get(k) ?? 0)]).filter(([, n]) => Number(n) > 0)));
}

/** Longest time without any acknowledgement within [from, to]. */
function longestGap(acks: { at: number }[], from: number, to: number): number {
  const times = acks.map((a) => a.at).filter((t) => t >= from && t <= to).sort((a, b) => a - b);
  let gap = 0;
  let last = from;
  for (const t of [...times, to]) {
    gap = Math.max(gap, t - last);
    last = t;
  }
  return gap;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Lost: acknowledged but not stored. Duplicated: stored rows beyond one per client event id. */
async function storedOnce(url: string, ws: TBenchWorkspace, acknowledged: Set<string>, sent: Set<string>) {
  return withClient(url, async (c) => {
    const ids = [...acknowledged];
    const { rows: [lost] } = await c.query<{ n: string }>(
      `select count(*) as n from unnest($2::text[]) as a(id)
       where not exists (select 1 from experience_events e where e.workspace_id = $1 and e.client_event_id = a.id)`,
      [ws.workspaceId, ids],
    );
    const { rows: [dup] } = await c.query<{ rows: string; ids: string }>(
      "select count(*) as rows, count(distinct client_event_id) as ids from experience_events where workspace_id = $1 and client_event_id like 'faults-%'",
      [ws.workspaceId],
    );
    const { rows: [receipts] } = await c.query<{ n: string }>("select count(*) as n from event_receipts where workspace_id = $1 and client_event_id like 'faults-%'", [ws.workspaceId]);
    const { rows: stored } = await c.query<{ id: string }>("select client_event_id as id from experience_events where workspace_id = $1 and client_event_id like 'faults-%'", [ws.workspaceId]);
    return {
      lost: Number(lost.n),
      duplicated: Number(dup.rows) - Number(dup.ids),
      stored: Number(dup.ids),
      receipts: Number(receipts.n),
      unexpected: stored.filter((r) => !sent.has(r.id)).length,
    };
  });
}

/**
 * Both instances still drop their cache on NOTIFY after the restart: a banner inserted without a
 * notification stays unseen (cached), and appears on both once it is notified. Ms until it did.
 */
async function invalidationWorks(url: string, ws: TBenchWorkspace, bases: string[]): Promise<{ listeners: number; cachedBefore: boolean; seenAfterMs: number }> {
  const sees = async (base: string, id: string) => {
    const r = await fetch(`${base}/api/sdk/v1/resolve`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ key: ws.key, anonymousId: `faults-${randomBytes(6).toString("hex")}`, url: PAGES[0] }) });
    if (r.status !== 200) throw new Error(`resolve answered ${r.status}`);
    return ((await r.json()) as { experiences: { id: string }[] }).experiences.some((e) => e.id === id);
  };
  return withClient(url, async (c) => {
    let listeners = 0;
    for (let tries = 0; tries < 50 && listeners < bases.length; tries++) {
      if (tries) await new Promise((r) => setTimeout(r, 100));
      // The listener's last query may be its heartbeat, so it is found by name (lib/sdk/cache-invalidation.ts).
      listeners = Number((await c.query<{ n: string }>("select count(*) as n from pg_stat_activity where application_name = 'herald-sdk-cache'")).rows[0].n);
    }
    for (const base of bases) await sees(base, "none"); // both caches warm
    const content = { body: "Fault bench banner.", position: "top", dismissible: true, buttons: [] };
    const { rows: [banner] } = await c.query<{ id: string }>(
      `insert into experiences (workspace_id, type, name, status, content, frequency, priority, trigger, published_at)
       values ($1, 'banner', 'Fault bench banner', 'live', $2, 'every_session', 1000, '{"match":"any"}', now()) returning id`,
      [ws.workspaceId, JSON.stringify(content)],
    );
    const cachedBefore = !(await Promise.all(bases.map((b) => sees(b, banner.id)))).some(Boolean);
    const notified = clock();
    await c.query("select pg_notify('herald_sdk_cache', $1)", [ws.workspaceId]);
    const pending = new Set(bases);
    while (pending.size && clock() - notified < 5_000) {
      for (const base of [...pending]) if (await sees(base, banner.id)) pending.delete(base);
      if (pending.size) await new Promise((r) => setTimeout(r, 50));
    }
    return { listeners, cachedBefore, seenAfterMs: pending.size ? Infinity : clock() - notified };
  });
}

runBench(TIME_LIMIT_MS, async (defer) => {
  requireBuild();
  const deadline = Date.now() + TIME_LIMIT_MS;
  for (const [k, v] of Object.entries(testEnv)) process.env[k] ??= v;
  const { encrypt } = await import("../lib/crypto/data-encryption");
  const server = startThrowawayPostgres(await freePort());
  if (!server) throw new Error("The fault bench needs PostgreSQL's binaries (initdb, pg_ctl in /usr/lib/postgresql/*/bin).");
  defer(() => server.stop());
  const url = await createScratchDatabase(server.url, "herald_faults");
  const ws = await seedSdkWorkspace(url, encrypt("bench-identity-secret"));
  const instances: TNextInstance[] = await Promise.all([0, 1].map(() => startNextServerInstance(defer, url, deadline, SERVER_ENV)));
  const bases = instances.map((i) => i.base);
  console.log(`throwaway PostgreSQL on port ${server.port}; instances ${bases.join(", ")}; ${ws.experienceIds.length} live experiences`);

  const clients = faultClients(bases, ws.key, ws.experienceIds, clock);
  const { ledger } = clients;
  for (let i = 0; i < 10; i++) await Promise.all(bases.map((_, t) => clients.deliver(clients.newBatch("faults-w"), t, clock() + 10_000)));
  ledger.ackMs.length = ledger.deliveryMs.length = 0; // warm-up latencies are not the steady state

  const start = clock();
  const load = clients.run(CLIENTS, start + LOAD_MS, start + LOAD_MS + DRAIN_MS);

  // Fault 1: PostgreSQL stops (fast: open connections terminated), stays down, starts again.
  await sleepUntil(start + DB_RESTART_AT);
  const dbStop = clock();
  const answersAt = { dbStop: new Map(ledger.answers) };
  await server.shutDown();
  await sleepUntil(dbStop + DB_DOWN_MS);
  await server.start();
  const dbBack = clock();
  const dbRecovery = Math.max(...(await Promise.all(bases.map((b, t) => servingAgain(b, t, clients, dbBack)))));
  const duringDbFault = since(answersAt.dbStop, ledger.answers);

  // Fault 2: SIGTERM to instance 1 under load; it drains, exits, and is started again on its port.
  await sleepUntil(start + SIGTERM_AT);
  const term = clock();
  const answersAtTerm = new Map(ledger.answers);
  const inFlight: TRequest[] = [...ledger.inFlight].filter((r) => r.target === 1);
  const exitCode = await instances[1].terminate(15_000);
  const exited = clock();
  instances[1] = await startNextServerInstance(defer, url, deadline, SERVER_ENV, instances[1].port);
  const booted = clock();
  const termRecovery = booted - term + (await servingAgain(bases[1], 1, clients, booted));
  const duringTerm = since(answersAtTerm, ledger.answers);

  await load;
  const end = clock();
  const invalidation = await invalidationWorks(url, ws, bases);
  const db = await storedOnce(url, ws, ledger.acknowledged, ledger.sent);

  const answers = Object.fromEntries([...ledger.answers].sort());
  const fiveHundreds = [...ledger.answers].filter(([k]) => /^5\d\d$/.test(k) && k !== "503").reduce((n, [, v]) => n + v, 0);
  const inFlightFailed = inFlight.filter((r) => !/^\d+$/.test(r.outcome ?? "")).length;
  const acked = ledger.acks.filter((a) => !a.resend && a.at >= start && a.at <= start + LOAD_MS).length * PER_BATCH;
  const termGap = longestGap(ledger.acks, term, term + termRecovery);
  const checks: [string, boolean][] = [
    ["lost = 0", db.lost === 0],
    ["duplicated = 0", db.duplicated === 0],
    ["no 500 (no 5xx but 503)", fiveHundreds === 0],
    ["every 503 with Retry-After", ledger.unavailableWithoutRetryAfter === 0],
    ["no request hung (10 s)", !ledger.answers.get("timeout")],
    ["nothing stored that was not sent", db.unexpected === 0],
    ["re-sent acknowledged batches stored nothing", ledger.resendsStoredAgain === 0],
    [`recovery after the DB restart ≤ ${RECOVERY_LIMIT_MS / 1000} s`, dbRecovery <= RECOVERY_LIMIT_MS],
    [`SIGTERM: drained and exited ≤ ${RECOVERY_LIMIT_MS / 1000} s`, exited - term <= RECOVERY_LIMIT_MS],
    [`recovery after SIGTERM (restarted instance serving) ≤ ${RECOVERY_LIMIT_MS / 1000} s`, termRecovery <= RECOVERY_LIMIT_MS],
    [`failover: never ${RECOVERY_LIMIT_MS / 1000} s without an acknowledgement after SIGTERM`, termGap <= RECOVERY_LIMIT_MS],
    ["requests in flight at SIGTERM answered", inFlightFailed === 0],
    ["SIGTERM exit code 143", exitCode === 143],
    ["LISTEN back on both, NOTIFY seen by both within 5 s", invalidation.listeners >= 2 && invalidation.cachedBefore && invalidation.seenAfterMs <= 5_000],
  ];

  console.log(`\nPOST /api/sdk/v1/events on 2 instances, ${CLIENTS} SDK-like clients, batches of ${PER_BATCH}, ${RESEND_SHARE * 100}% re-sent, ${LOAD_MS / 1000} s (${machineLoad()})`);
  console.log(`  acknowledged ${(acked / (LOAD_MS / 1000)).toFixed(0)} new events/s (${ledger.acknowledged.size} distinct ids in ${ledger.batches} batches, ${ledger.resent} re-sends, ${ledger.retries} retries)`);
  console.log(`  acknowledged requests p50 ${percentile(ledger.ackMs, 50).toFixed(1)} ms, p99 ${percentile(ledger.ackMs, 99).toFixed(1)} ms; delivery incl. retries p99 ${percentile(ledger.deliveryMs, 99).toFixed(0)} ms, max ${Math.max(...ledger.deliveryMs).toFixed(0)} ms`);
  console.log(`  answers ${JSON.stringify(answers)} · 503: ${ledger.answers.get("503") ?? 0} · 500: ${fiveHundreds}`);
  console.log(`  DB stopped at ${s(dbStop - start)}, back at ${s(dbBack - start)} (down ${s(dbBack - dbStop)}); both instances ready and storing ${s(dbRecovery)} after it was back; longest time without an acknowledgement ${s(longestGap(ledger.acks, dbStop, dbBack + dbRecovery))}; answers meanwhile ${duringDbFault}`);
  console.log(`  SIGTERM at ${s(term - start)}: ${inFlight.length} requests in flight on it (${inFlightFailed} unanswered), exited ${exitCode} after ${s(exited - term)}; started again in ${s(booted - exited)}, ready and storing ${s(termRecovery)} after SIGTERM; longest time without an acknowledgement meanwhile ${s(termGap)}; answers meanwhile ${duringTerm}`);
  console.log(`  for comparison, longest time without an acknowledgement before any fault (5–19 s): ${s(longestGap(ledger.acks, start + 5_000, start + 19_000))}`);
  console.log(`  retries answered "already stored" (committed, answer lost): ${ledger.retriesAlreadyStored}; batches unacknowledged at the end: ${ledger.unacknowledged}`);
  console.log(`  LISTEN connections ${invalidation.listeners}; NOTIFY seen by both ${invalidation.seenAfterMs.toFixed(0)} ms after it was sent (cache held before: ${invalidation.cachedBefore})`);
  console.log(`  database: ${db.stored} ids stored, ${db.receipts} receipts · lost ${db.lost} · duplicated ${db.duplicated} · unexpected ${db.unexpected} (load ended at ${s(end - start)})`);
  for (const [name, ok] of checks) console.log(`  ${ok ? "PASS" : "FAIL"}  ${name}`);
  return checks.every(([, ok]) => ok) ? 0 : 1;
});
