// Requests to /api/sdk/v1 and the event queue: batched, retried with backoff, kept across reloads.
import type { SDK_LIMITS, TSdkEvent } from "@/lib/sdk-protocol";
import { anonymousId, cfg, loadQueue, saveQueue, uuid, warn } from "./state";

// The literal type makes tsc fail if the server's limit changes (no runtime import of the zod module).
const BATCH: (typeof SDK_LIMITS)["eventsPerBatch"] = 100;
// Characters per batch: even at 3 bytes each this stays under the 64 KB body limit (and sendBeacon's).
const BATCH_CHARS = 20_000;

const url = (path: string) => `${cfg.api}/api/sdk/v1/${path}`;

/** A string body is sent as text/plain: a "simple" CORS request, so there is no preflight round trip. */
export const post = (path: string, body: object) => fetch(url(path), { method: "POST", body: JSON.stringify(body), credentials: "omit" });

export async function warnFailed(r: Response): Promise<void> {
  const body = await r.json().catch(() => ({}));
  warn(`${r.url} ${r.status} ${body?.error?.message ?? ""}`);
}

type Omit2<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type TEventInput = Omit2<TSdkEvent, "id" | "at">;

let timer: ReturnType<typeof setTimeout> | undefined;
let sending: Promise<void> | undefined;
let attempt = 0;

export function enqueue(e: TEventInput): void {
  saveQueue([...loadQueue(), { ...e, id: uuid(), at: Date.now() } as TSdkEvent]);
  later(1000);
}

function later(ms: number, replace?: boolean): void {
  if (timer && !replace) return;
  clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    void flush();
  }, ms);
}

function take(): TSdkEvent[] {
  const out: TSdkEvent[] = [];
  let chars = 0;
  for (const e of loadQueue()) {
    chars += JSON.stringify(e).length;
    if (out.length >= BATCH || (out.length && chars > BATCH_CHARS)) break;
    out.push(e);
  }
  return out;
}

function ack(batch: TSdkEvent[]): void {
  const sent = new Set(batch.map((e) => e.id));
  saveQueue(loadQueue().filter((e) => !sent.has(e.id)));
}

/** Sends the queue batch by batch; settles when it is empty or a retry is scheduled. */
export function flush(): Promise<void> {
  return (sending ||= send().finally(() => (sending = undefined)));
}

async function send(): Promise<void> {
  for (let batch = take(); batch.length && cfg.key; batch = take()) {
    let wait = 0;
    try {
      const r = await post("events", { key: cfg.key, anonymousId: anonymousId(), events: batch });
      if (r.status === 429 || r.status >= 500) wait = Number(r.headers.get("retry-after")) * 1000 || 1;
      else {
        // Stored, or refused as invalid (4xx): a refused batch can never succeed, so it is dropped.
        if (!r.ok) void warnFailed(r);
        ack(batch);
        attempt = 0;
        continue;
      }
    } catch {
      wait = 1; // offline or blocked: retry later
    }
    later(Math.max(wait, Math.min(60_000, 1000 * 2 ** attempt++) * (1 + Math.random() / 4)), true);
    return;
  }
}

/** While the page goes away: events stay queued until a later fetch confirms them (the server dedupes by id). */
export function beacon(events = take()): void {
  if (!events.length || !cfg.key) return;
  try {
    navigator.sendBeacon(url("events"), new Blob([JSON.stringify({ key: cfg.key, anonymousId: anonymousId(), events })], { type: "text/plain" }));
  } catch {
    // No beacon: the queue is sent on the next load.
  }
}
