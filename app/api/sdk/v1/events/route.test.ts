import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { endUsers, experienceEvents, surveyResponses } from "@/db/schema";
import { SDK_LIMITS } from "@/lib/sdk-protocol";
import { announcement, anonymousId, eventId, liveExperience, post, sdkFixture, survey } from "@/lib/sdk/test-helpers";
import { POST } from "./route";

async function send(key: string, anon: string, events: unknown[]) {
  const res = await POST(post("/api/sdk/v1/events", { key, anonymousId: anon, events }));
  return { status: res.status, body: await res.json() };
}
const eventsOf = (workspaceId: string) => db.select().from(experienceEvents).where(eq(experienceEvents.workspaceId, workspaceId));
const answersOf = (workspaceId: string) => db.select().from(surveyResponses).where(eq(surveyResponses.workspaceId, workspaceId));

describe("POST /api/sdk/v1/events", () => {
  it("stores a batch once, however often it is retried, tied to the anonymous end user only", async () => {
    const { workspace, key } = await sdkFixture();
    const exp = await liveExperience(workspace.id, announcement("Hi"));
    const anon = anonymousId();
    const at = Date.now() - 60_000;
    const batch = [
      { id: eventId(), type: "view", experienceId: exp, at },
      { id: eventId(), at: Date.now(), type: "click", experienceId: exp },
      { id: eventId(), at: Date.now(), type: "step", experienceId: exp, step: 1 },
      { id: eventId(), at: Date.now(), type: "track", name: "report_exported" },
      { id: eventId(), at: Date.now(), type: "goal", experienceId: exp },
      { id: eventId(), type: "dismiss", experienceId: exp, at: Date.now() + 86_400_000 }, // a clock in the future is not believed
    ];
    expect(await send(key, anon, batch)).toEqual({ status: 200, body: { stored: 6, duplicates: 0, rejected: 0 } });
    expect(await send(key, anon, batch)).toEqual({ status: 200, body: { stored: 0, duplicates: 6, rejected: 0 } });
    expect(await send(key, anon, [...batch.slice(0, 2), { id: eventId(), at: Date.now(), type: "complete", experienceId: exp }])).toEqual({ status: 200, body: { stored: 1, duplicates: 2, rejected: 0 } });

    const rows = await eventsOf(workspace.id);
    expect(rows.map((r) => r.type).sort()).toEqual(["click", "complete", "dismiss", "page", "step", "track", "view"]);
    expect(rows.find((r) => r.type === "page")).toMatchObject({ experienceId: exp, name: null }); // a goal reached: no URL kept
    expect(rows.find((r) => r.type === "view")?.occurredAt.getTime()).toBe(at);
    expect(rows.find((r) => r.type === "dismiss")!.occurredAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(rows.find((r) => r.type === "track")).toMatchObject({ name: "report_exported", experienceId: null });
    expect(rows.find((r) => r.type === "step")?.step).toBe(1);
    const [user] = await db.select().from(endUsers).where(eq(endUsers.workspaceId, workspace.id));
    expect(user.anonymousId).toBe(anon);
    expect(new Set(rows.map((r) => r.endUserId))).toEqual(new Set([user.id]));
  });

  it("stores survey answers that fit their question and refuses the rest", async () => {
    const { workspace, key } = await sdkFixture();
    const s = await liveExperience(workspace.id, survey(), { frequency: "until_completed" });
    const other = await sdkFixture();
    const foreign = await liveExperience(other.workspace.id, survey());
    const anon = anonymousId();
    const result = await send(key, anon, [
      { id: eventId(), at: Date.now(), type: "answer", experienceId: s, questionId: "nps", answer: 9 },
      { id: eventId(), at: Date.now(), type: "answer", experienceId: s, questionId: "features", answer: ["Tours", "Surveys"] },
      { id: eventId(), at: Date.now(), type: "answer", experienceId: s, questionId: "nps", answer: "nine" },
      { id: eventId(), at: Date.now(), type: "answer", experienceId: s, questionId: "features", answer: ["Spam"] },
      { id: eventId(), at: Date.now(), type: "answer", experienceId: s, questionId: "nope", answer: "x" },
      { id: eventId(), at: Date.now(), type: "answer", experienceId: foreign, questionId: "nps", answer: 9 }, // another workspace's survey
      { id: eventId(), at: Date.now(), type: "view", experienceId: foreign },
      { id: eventId(), at: Date.now(), type: "complete", experienceId: s },
      { id: eventId(), at: Date.now() - 8 * 86_400_000, type: "view", experienceId: s }, // older than a week: its receipt may be gone
    ]);
    expect(result).toEqual({ status: 200, body: { stored: 3, duplicates: 0, rejected: 6 } });
    const answers = await answersOf(workspace.id);
    expect(answers.map((a) => [a.questionId, a.answer]).sort()).toEqual([["features", ["Tours", "Surveys"]], ["nps", 9]]);
    expect(await answersOf(other.workspace.id)).toEqual([]);
    expect(await eventsOf(other.workspace.id)).toEqual([]);
  });

  it("answers malformed batches, too many events, oversized bodies and unknown keys with 4xx, storing nothing", async () => {
    const { workspace, key } = await sdkFixture();
    const exp = await liveExperience(workspace.id, announcement("Hi"));
    const anon = anonymousId();
    const many = (n: number) => Array.from({ length: n }, () => ({ id: eventId(), at: Date.now(), type: "view", experienceId: exp }));
    const cases: Array<[unknown, number, RegExp]> = [
      [{ key, anonymousId: anon, events: [] }, 400, /at least one/],
      [{ key, anonymousId: anon, events: [{ id: eventId(), at: Date.now(), type: "hover", experienceId: exp }] }, 400, /Event type/],
      [{ key, anonymousId: anon, events: [{ id: eventId(), at: Date.now(), type: "view", experienceId: "not-a-uuid" }] }, 400, /UUID/],
      [{ key, anonymousId: anon, events: [{ id: "x", at: Date.now(), type: "view", experienceId: exp }] }, 400, /Event id/],
      [{ key, anonymousId: anon, events: [{ id: eventId(), type: "view", experienceId: exp }] }, 400, /needs `at`/],
      [{ key, anonymousId: anon, events: [{ id: eventId(), at: Date.now(), type: "view", experienceId: exp, ua: "Mozilla" }] }, 400, /Unrecognized|ua/i],
      [{ key, anonymousId: anon, events: [...many(2), { id: eventId(), at: Date.now(), type: "step", experienceId: exp, step: "one" }] }, 400, /number/],
      [{ key, anonymousId: anon, events: many(SDK_LIMITS.eventsPerBatch + 1) }, 413, /At most 100 events/],
      [{ key, anonymousId: anon, events: many(1000) }, 413, /larger than|At most/],
      [{ key: "pk_nobodyhasthiskey123", anonymousId: anon, events: many(1) }, 404, /No workspace/],
    ];
    for (const [body, status, message] of cases) {
      const res = await POST(post("/api/sdk/v1/events", body));
      const json = await res.json();
      expect(res.status, JSON.stringify(json).slice(0, 300)).toBe(status);
      expect(json.error.message).toMatch(message);
    }
    expect(await eventsOf(workspace.id)).toEqual([]);
    expect(await db.select().from(endUsers).where(and(eq(endUsers.workspaceId, workspace.id)))).toEqual([]);
    // The largest allowed batch goes through whole.
    expect(await send(key, anon, many(SDK_LIMITS.eventsPerBatch))).toMatchObject({ status: 200, body: { stored: 100 } });
  });

  it("accepts a beacon's text/plain body like JSON", async () => {
    const { workspace, key } = await sdkFixture();
    const exp = await liveExperience(workspace.id, announcement("Hi"));
    const res = await POST(post("/api/sdk/v1/events", { key, anonymousId: anonymousId(), events: [{ id: eventId(), at: Date.now(), type: "view", experienceId: exp }] }, { "content-type": "text/plain;charset=UTF-8" }));
    expect(res.status).toBe(200);
    expect(await eventsOf(workspace.id)).toHaveLength(1);
  });
});
