// Clients that send POST /api/sdk/v1/events as the browser SDK does, for bench/ingest-faults.bench.ts:
// a batch counts as acknowledged only on 200; on 503, 429, another 5xx or a network error the SAME
// batch (same ids) is sent again with backoff, on the other instance; a share of acknowledged batches
// is sent again on purpose. Everything that happens is counted in one ledger.
import type { TEventsResponse } from "../../lib/sdk-protocol";
import { eventBatch, RESEND_SHARE, type TBatch } from "./event-batches";

const TIMEOUT_MS = 10_000;

export type TRequest = { target: number; startedAt: number; outcome?: string };

export type TFaultLedger = {
  sent: Set<string>;
  acknowledged: Set<string>;
  batches: number;
  resent: number;
  retries: number;
  /** Answers by outcome: "200", "503", "500", …, "network", "timeout". */
  answers: Map<string, number>;
  /** 503s that came without Retry-After (there should be none). */
  unavailableWithoutRetryAfter: number;
  /** Duration of each request answered 200. */
  ackMs: number[];
  /** From a batch's first send to its acknowledgement, retries and waits included. */
  deliveryMs: number[];
  /** When each acknowledgement arrived (ms on the bench clock) and from which instance. */
  acks: { at: number; target: number; resend: boolean }[];
  /** Retries the server answered "already stored": the earlier attempt committed, its answer was lost. */
  retriesAlreadyStored: number;
  /** Deliberate re-sends of an acknowledged batch that stored anything (must be 0). */
  resendsStoredAgain: number;
  /** Batches given up on at the end (still queued, as the SDK would keep them). */
  unacknowledged: number;
  inFlight: Set<TRequest>;
};

export type TClients = {
  ledger: TFaultLedger;
  /** Sends one batch until it is acknowledged (or `giveUpAt`), starting on instance `target`. */
  deliver: (batch: TBatch, target: number, giveUpAt: number) => Promise<boolean>;
  /** One attempt on instance `target`; whether it was acknowledged. */
  attempt: (batch: TBatch, target: number) => Promise<boolean>;
  /** `loops` concurrent senders until `until` (bench clock, ms); each then finishes its batch by `giveUpAt`. */
  run: (loops: number, until: number, giveUpAt: number) => Promise<void>;
  newBatch: (prefix?: string) => TBatch;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** `bases[i]` is instance i's base URL; `clock()` is the bench's ms clock. */
export function faultClients(bases: string[], key: string, experienceIds: string[], clock: () => number): TClients {
  const ledger: TFaultLedger = {
    sent: new Set(),
    acknowledged: new Set(),
    batches: 0,
    resent: 0,
    retries: 0,
    answers: new Map(),
    unavailableWithoutRetryAfter: 0,
    ackMs: [],
    deliveryMs: [],
    acks: [],
    retriesAlreadyStored: 0,
    resendsStoredAgain: 0,
    unacknowledged: 0,
    inFlight: new Set(),
  };
  const acknowledgedBatches: TBatch[] = [];
  const made = new Map<string, number>();

  function newBatch(prefix = "faults"): TBatch {
    const n = made.get(prefix) ?? 0;
    made.set(prefix, n + 1);
    const batch = eventBatch(prefix, key, experienceIds, n);
    for (const id of batch.ids) ledger.sent.add(id);
    return batch;
  }

  async function send(target: number, body: string): Promise<{ outcome: string; retryAfter: number; answer?: TEventsResponse; ms: number }> {
    const req: TRequest = { target, startedAt: clock() };
    ledger.inFlight.add(req);
    try {
      const r = await fetch(`${bases[target]}/api/sdk/v1/events`, { method: "POST", headers: { "content-type": "application/json" }, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
      const text = await r.text();
      req.outcome = String(r.status);
      const retryAfter = Number(r.headers.get("retry-after")) || 0;
      if (r.status === 503 && !retryAfter) ledger.unavailableWithoutRetryAfter++;
      return { outcome: req.outcome, retryAfter, answer: r.status === 200 ? (JSON.parse(text) as TEventsResponse) : undefined, ms: clock() - req.startedAt };
    } catch (error) {
      req.outcome = (error as Error).name === "TimeoutError" ? "timeout" : "network";
      return { outcome: req.outcome, retryAfter: 0, ms: clock() - req.startedAt };
    } finally {
      ledger.inFlight.delete(req);
      count(ledger.answers, req.outcome ?? "network");
    }
  }

  /** One request; on 200 the batch's ids count as acknowledged. */
  async function attempt(batch: TBatch, target: number, resend: boolean, retry: boolean, first: number) {
    const r = await send(target, batch.body);
    if (!r.answer) return r;
    for (const id of batch.ids) ledger.acknowledged.add(id);
    ledger.ackMs.push(r.ms);
    ledger.deliveryMs.push(clock() - first);
    ledger.acks.push({ at: clock(), target, resend });
    if (resend && r.answer.stored > 0) ledger.resendsStoredAgain++;
    if (!resend && retry && r.answer.duplicates > 0) ledger.retriesAlreadyStored++;
    if (!resend) acknowledgedBatches.push(batch);
    return r;
  }

  async function deliver(batch: TBatch, target: number, giveUpAt: number, resend = false): Promise<boolean> {
    const first = clock();
    for (let n = 0; clock() < giveUpAt; n++) {
      if (n > 0) ledger.retries++;
      const r = await attempt(batch, target, resend, n > 0, first);
      if (r.answer) return true;
      // A 4xx other than 429 can never succeed: the SDK drops the batch (counted in `answers`).
      if (/^4\d\d$/.test(r.outcome) && r.outcome !== "429") return false;
      target = (target + 1) % bases.length; // as a load balancer would, another instance next
      const backoff = Math.min(2_000, 50 * 2 ** n) * (1 + Math.random() / 4);
      await sleep(Math.max(backoff, Math.min(r.retryAfter, 2) * 1000));
    }
    ledger.unacknowledged++;
    return false;
  }

  async function loop(n: number, until: number, giveUpAt: number): Promise<void> {
    for (let i = n; clock() < until; i++) {
      const resend = acknowledgedBatches.length > 50 && Math.random() < RESEND_SHARE;
      const batch = resend ? acknowledgedBatches[Math.floor(Math.random() * acknowledgedBatches.length)] : newBatch();
      ledger.batches++;
      if (resend) ledger.resent++;
      await deliver(batch, i % bases.length, giveUpAt, resend);
    }
  }

  return {
    ledger,
    newBatch,
    deliver: (batch, target, giveUpAt) => deliver(batch, target, giveUpAt),
    attempt: async (batch, target) => Boolean((await attempt(batch, target, false, true, clock())).answer),
    run: async (loops, until, giveUpAt) => {
      await Promise.all(Array.from({ length: loops }, (_, n) => loop(n, until, giveUpAt)));
    },
  };
}
