import "server-only";
// Keeps the growing event tables in shape, on start and daily on every instance (each step is safe
// to run concurrently): monthly partitions created two months ahead; raw experience events older
// than HERALD_EVENT_RETENTION_DAYS removed (whole monthly partitions dropped, the rest deleted) while
// experience_user_state and survey answers stay; receipts kept only as long as a retry can arrive.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { log } from "@/lib/log";
import { SDK_LIMITS } from "@/lib/sdk-protocol";

const DAY_MS = 86_400_000;
const PARTITIONED = ["experience_events", "survey_responses"] as const;

const ZRetention = z.coerce.number().int().min(30, "must be at least 30 days").optional();

/** Raw event retention in days, or undefined to keep raw events forever (the default). */
export function eventRetentionDays(source: Record<string, string | undefined> = process.env): number | undefined {
  const raw = source.HERALD_EVENT_RETENTION_DAYS;
  const parsed = ZRetention.safeParse(raw === "" ? undefined : raw);
  if (!parsed.success) throw new Error(`HERALD_EVENT_RETENTION_DAYS ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

type Rows<T> = { rows: T[] };

/** Creates this month's and the next two months' partitions where missing; returns how many were made. */
export async function ensureEventPartitions(now = new Date()): Promise<number> {
  const ahead = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 1));
  let created = 0;
  for (const table of PARTITIONED) {
    const { rows } = (await db.execute(sql`select herald_ensure_month_partitions(${table}, ${now.toISOString().slice(0, 10)}::date, ${ahead.toISOString().slice(0, 10)}::date) as n`)) as unknown as Rows<{ n: number }>;
    created += Number(rows[0]?.n ?? 0);
  }
  return created;
}

/** Monthly partitions of experience_events whose whole month ends before `cutoff`. */
async function expiredPartitions(cutoff: Date): Promise<string[]> {
  const { rows } = (await db.execute(sql`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'experience_events'::regclass`)) as unknown as Rows<{ name: string }>;
  return rows
    .map((r) => ({ name: r.name, month: /^experience_events_(\d{4})_(\d{2})$/.exec(r.name) }))
    .filter((p): p is { name: string; month: RegExpExecArray } => Boolean(p.month))
    .filter((p) => Date.UTC(Number(p.month[1]), Number(p.month[2]), 1) <= cutoff.getTime())
    .map((p) => p.name);
}

export async function pruneEvents(opts: { retentionDays?: number; now?: Date } = {}): Promise<{ partitionsDropped: number; eventsDeleted: number; receiptsDeleted: number }> {
  const now = opts.now ?? new Date();
  let partitionsDropped = 0;
  let eventsDeleted = 0;
  if (opts.retentionDays) {
    const cutoff = new Date(now.getTime() - opts.retentionDays * DAY_MS);
    for (const name of await expiredPartitions(cutoff)) {
      await db.execute(sql.raw(`drop table if exists "${name}"`));
      partitionsDropped++;
    }
    const deleted = (await db.execute(sql`delete from experience_events where occurred_at < ${cutoff.toISOString()}::timestamptz`)) as unknown as { rowCount?: number; affectedRows?: number };
    eventsDeleted = Number(deleted.rowCount ?? deleted.affectedRows ?? 0);
  }
  // An event older than eventMaxAgeDays is refused, so a retry can never need an older receipt.
  const receiptCutoff = new Date(now.getTime() - (SDK_LIMITS.eventMaxAgeDays + 1) * DAY_MS);
  const receipts = (await db.execute(sql`delete from event_receipts where received_at < ${receiptCutoff.toISOString()}::timestamptz`)) as unknown as { rowCount?: number; affectedRows?: number };
  return { partitionsDropped, eventsDeleted, receiptsDeleted: Number(receipts.rowCount ?? receipts.affectedRows ?? 0) };
}

async function runMaintenance(retentionDays: number | undefined): Promise<void> {
  try {
    const created = await ensureEventPartitions();
    const pruned = await pruneEvents({ retentionDays });
    log.info("events.maintenance", { partitionsCreated: created, ...pruned });
  } catch (error) {
    log.error("events.maintenance_failed", { error });
  }
}

let timer: NodeJS.Timeout | undefined;

export function startEventMaintenance(): void {
  if (timer) return;
  const retentionDays = eventRetentionDays(); // a malformed value stops the start
  void runMaintenance(retentionDays);
  timer = setInterval(() => void runMaintenance(retentionDays), DAY_MS);
  timer.unref();
}
