// Event batches for POST /api/sdk/v1/events under load: 20 events each with fresh ids, a share of
// batches sent again (as a retrying browser would), and a ledger of what the server acknowledged.
import type { Request } from "autocannon";
import type { TEventsRequest, TSdkEvent } from "../../lib/sdk-protocol";
import { END_USERS, anonymousId } from "./sdk-seed";

export const PER_BATCH = 20;
export const RESEND_SHARE = 0.1;

export type TLedger = {
  /** Every distinct event id put on the wire. */
  sent: Set<string>;
  /** Ids of batches answered 200 (stored or recognised as already stored). */
  acknowledged: Set<string>;
  batches: number;
  resent: number;
  /** What the API reported: newly stored, duplicates, rejected. */
  stored: number;
  duplicates: number;
  rejected: number;
};

function event(id: string, experienceId: string, j: number): TSdkEvent {
  const at = Date.now();
  switch (j % 5) {
    case 0:
      return { id, at, type: "view", experienceId };
    case 1:
      return { id, at, type: "step", experienceId, step: j % 3 };
    case 2:
      return { id, at, type: "click", experienceId };
    case 3:
      return { id, at, type: "track", name: "report_exported" };
    default:
      return { id, at, type: j % 2 ? "complete" : "dismiss", experienceId };
  }
}

export type TBatch = { body: string; ids: string[] };

/** Batch number `index`: PER_BATCH events with ids `<prefix>-<index>-<n>`, timed now, of one seeded end user. */
export function eventBatch(prefix: string, key: string, experienceIds: string[], index: number): TBatch {
  const ids = Array.from({ length: PER_BATCH }, (_, j) => `${prefix}-${index}-${j}`);
  const events = ids.map((id, j) => event(id, experienceIds[(index + j) % experienceIds.length], j));
  const body: TEventsRequest = { key, anonymousId: anonymousId(1 + (index % END_USERS)), events };
  return { body: JSON.stringify(body), ids };
}

/**
 * An autocannon request whose every send is a new batch, or now and then an earlier one again.
 * Event ids are `<prefix>-<batch>-<n>`, so that separate runs never collide.
 */
export function eventBatches(prefix: string, key: string, experienceIds: string[]): { request: Request; ledger: TLedger } {
  const ledger: TLedger = { sent: new Set(), acknowledged: new Set(), batches: 0, resent: 0, stored: 0, duplicates: 0, rejected: 0 };
  const bodies: TBatch[] = [];
  const request: Request = {
    method: "POST",
    path: "/api/sdk/v1/events",
    headers: { "content-type": "application/json" },
    setupRequest(req, context) {
      let index: number;
      if (bodies.length > 50 && Math.random() < RESEND_SHARE) {
        index = Math.floor(Math.random() * bodies.length);
        ledger.resent++;
      } else {
        index = bodies.length;
        const batch = eventBatch(prefix, key, experienceIds, index);
        bodies.push(batch);
        for (const id of batch.ids) ledger.sent.add(id);
      }
      ledger.batches++;
      context.batch = index;
      return { ...req, body: bodies[index].body };
    },
    onResponse(status, body, context) {
      if (status !== 200) return;
      for (const id of bodies[context.batch as number].ids) ledger.acknowledged.add(id);
      const answer = JSON.parse(body) as { stored: number; duplicates: number; rejected: number };
      ledger.stored += answer.stored;
      ledger.duplicates += answer.duplicates;
      ledger.rejected += answer.rejected;
    },
  };
  return { request, ledger };
}
