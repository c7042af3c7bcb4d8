import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { eventReceipts, experienceEvents, experienceUserState } from "@/db/schema";
import { makeEndUser, makeSurvey, makeWorkspace } from "@/lib/end-users/test-fixtures";
import { ensureEventPartitions, eventRetentionDays, pruneEvents } from "./event-maintenance";

const partitions = async (table: string) =>
  ((await db.execute(sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = ${table}::regclass order by 1`)) as unknown as { rows: Array<{ name: string }> }).rows.map((r) => r.name);

describe("event maintenance", () => {
  it("creates this month's and the next two months' partitions, once", async () => {
    const now = new Date(Date.UTC(2031, 10, 15)); // November 2031: nothing has written there
    expect(await ensureEventPartitions(now)).toBe(6);
    expect(await ensureEventPartitions(now)).toBe(0);
    const names = await partitions("experience_events");
    expect(names).toEqual(expect.arrayContaining(["experience_events_2031_11", "experience_events_2031_12", "experience_events_2032_01", "experience_events_default"]));
    expect(await partitions("survey_responses")).toEqual(expect.arrayContaining(["survey_responses_2032_01"]));
  });

  it("drops raw events past the retention, keeping each end user's experience state and recent events", async () => {
    const { workspace } = await makeWorkspace();
    const exp = await makeSurvey(workspace.id);
    const user = await makeEndUser(workspace.id);
    await db.execute(sql`select herald_ensure_month_partitions('experience_events', '2001-01-01'::date, '2001-01-01'::date)`);
    const at = (iso: string) => ({ workspaceId: workspace.id, endUserId: user.id, experienceId: exp.id, clientEventId: randomUUID(), occurredAt: new Date(iso) });
    await db.insert(experienceEvents).values([
      { ...at("2001-01-15T00:00:00Z"), type: "view" }, // in its own monthly partition
      { ...at("2002-05-15T00:00:00Z"), type: "complete" }, // in the default partition
      { ...at(new Date().toISOString()), type: "view" },
    ]);
    const result = await pruneEvents({ retentionDays: 3650 });
    expect(result.partitionsDropped).toBeGreaterThanOrEqual(1);
    expect(result.eventsDeleted).toBeGreaterThanOrEqual(1);
    expect(await partitions("experience_events")).not.toContain("experience_events_2001_01");
    const left = await db.select().from(experienceEvents).where(eq(experienceEvents.endUserId, user.id));
    expect(left.map((e) => e.type)).toEqual(["view"]);
    const [state] = await db.select().from(experienceUserState).where(and(eq(experienceUserState.endUserId, user.id), eq(experienceUserState.experienceId, exp.id)));
    expect(state).toMatchObject({ views: 2, firstViewedAt: new Date("2001-01-15T00:00:00Z"), completedAt: new Date("2002-05-15T00:00:00Z") });
  });

  it("forgets receipts older than a retry could be, without a retention setting", async () => {
    const { workspace } = await makeWorkspace();
    const old = randomUUID();
    const recent = randomUUID();
    await db.insert(eventReceipts).values([
      { workspaceId: workspace.id, clientEventId: old, receivedAt: new Date(Date.now() - 9 * 86_400_000) },
      { workspaceId: workspace.id, clientEventId: recent, receivedAt: new Date(Date.now() - 6 * 86_400_000) },
    ]);
    await pruneEvents();
    const kept = await db.select({ id: eventReceipts.clientEventId }).from(eventReceipts).where(eq(eventReceipts.workspaceId, workspace.id));
    expect(kept.map((r) => r.id)).toEqual([recent]);
  });

  it("reads the retention setting, refusing less than 30 days", () => {
    expect(eventRetentionDays({})).toBeUndefined();
    expect(eventRetentionDays({ HERALD_EVENT_RETENTION_DAYS: "400" })).toBe(400);
    expect(() => eventRetentionDays({ HERALD_EVENT_RETENTION_DAYS: "7" })).toThrow(/at least 30 days/);
  });
});
