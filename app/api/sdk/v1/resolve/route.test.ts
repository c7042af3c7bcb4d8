import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { endUsers, experienceEvents, experiences, experienceUserState, workspaces } from "@/db/schema";
import { moveExperience } from "@/lib/experiences/experiences";
import { announcement, anonymousId, banner, eventId, liveExperience, payingSegment, post, sdkFixture } from "@/lib/sdk/test-helpers";
import { OPTIONS, POST } from "./route";

const APP = "https://customer.example/app/reports";
type Answer = { experiences: Array<{ id: string; type: string; content: Record<string, unknown> }>; theme: Record<string, string>; changelog: unknown };

async function resolve(body: Record<string, unknown>): Promise<Answer> {
  const res = await POST(post("/api/sdk/v1/resolve", { url: APP, ...body }));
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
  return res.json();
}
const titles = (a: Answer) => a.experiences.map((e) => (e.content.title ?? e.content.body) as string);

async function view(workspaceId: string, anon: string, experienceId: string, type: "view" | "dismiss" | "complete" = "view") {
  const [user] = await db.select({ id: endUsers.id }).from(endUsers).where(and(eq(endUsers.workspaceId, workspaceId), eq(endUsers.anonymousId, anon)));
  await db.insert(experienceEvents).values({ workspaceId, endUserId: user.id, experienceId, type, clientEventId: eventId() });
}

describe("POST /api/sdk/v1/resolve", () => {
  it("targets by segment on sent and then stored attributes, keeps one modal, and answers any origin without cookies", async () => {
    const { workspace, key } = await sdkFixture();
    const paying = await payingSegment(workspace.id);
    await liveExperience(workspace.id, announcement("For everyone"), { priority: 1 });
    await liveExperience(workspace.id, announcement("For paying customers"), { priority: 5, segmentId: paying });
    const anon = anonymousId();

    const first = await POST(post("/api/sdk/v1/resolve", { key, anonymousId: anon, url: APP }));
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    expect(first.headers.get("access-control-allow-credentials")).toBeNull();
    expect(first.headers.get("set-cookie")).toBeNull();
    const body = (await first.json()) as Answer;
    expect(titles(body)).toEqual(["For everyone"]);
    expect(body.theme).toMatchObject({ primaryColor: "#4f46e5" });

    // Sent once, remembered: later requests without attributes still match; the higher priority wins the one modal slot.
    expect(titles(await resolve({ key, anonymousId: anon, attributes: { plan: "paying", seats: 3 } }))).toEqual(["For paying customers"]);
    expect(titles(await resolve({ key, anonymousId: anon }))).toEqual(["For paying customers"]);
    const [stored] = await db.select().from(endUsers).where(and(eq(endUsers.workspaceId, workspace.id), eq(endUsers.anonymousId, anon)));
    expect(stored.attributes).toEqual({ plan: "paying", seats: 3 });
    expect(stored.externalId).toBeNull();

    // null removes an attribute.
    expect(titles(await resolve({ key, anonymousId: anon, attributes: { plan: null } }))).toEqual(["For everyone"]);
    expect(OPTIONS().status).toBe(204);
  });

  it("applies URL triggers, frequencies against past events, and the per-session cap", async () => {
    const { workspace, key } = await sdkFixture();
    const reports = await liveExperience(workspace.id, banner("Reports page only"), { trigger: { match: "prefix", url: "/app/reports" }, frequency: "until_completed", priority: 9 });
    await liveExperience(workspace.id, banner("Settings only"), { trigger: { match: "exact", url: "/app/settings" }, priority: 2 });
    const once = await liveExperience(workspace.id, announcement("Once"), { frequency: "once", priority: 3 });
    const perSession = await liveExperience(workspace.id, banner("Every session"), { frequency: "every_session", priority: 1 });
    const anon = anonymousId();

    expect(titles(await resolve({ key, anonymousId: anon }))).toEqual(["Reports page only", "Once", "Every session"]);
    await view(workspace.id, anon, once);
    await view(workspace.id, anon, reports);
    // Viewed "once" is gone; "until completed" stays until dismissed; "every session" is not shown twice in a tab.
    expect(titles(await resolve({ key, anonymousId: anon, sessionSeen: [reports, perSession] }))).toEqual(["Reports page only"]);
    await view(workspace.id, anon, reports, "dismiss");
    expect(titles(await resolve({ key, anonymousId: anon, sessionSeen: [reports, perSession] }))).toEqual([]);
    expect(titles(await resolve({ key, anonymousId: anon, url: "https://customer.example/app/settings" }))).toEqual(["Settings only", "Every session"]);

    // At most N new experiences per session (workspace setting).
    await db.update(workspaces).set({ settings: { limits: { maxPerSession: 1, maxPerDay: 5 } } }).where(eq(workspaces.id, workspace.id));
    await moveExperience(workspace.id, once, "pause"); // invalidates the cache, so the new limit is read
    expect(titles(await resolve({ key, anonymousId: anonymousId(), url: "https://customer.example/app/settings" }))).toEqual(["Settings only"]);
  });

  it("sees a publish or pause at once (cache invalidated) and serves translated content for the asked locale", async () => {
    const { workspace, key } = await sdkFixture();
    const anon = anonymousId();
    expect((await resolve({ key, anonymousId: anon })).experiences).toEqual([]);
    const id = await liveExperience(workspace.id, announcement("Hello"));
    await db.update(experiences).set({ translations: { fr: { title: "Bonjour", buttons: [{ label: "Compris" }] } } }).where(eq(experiences.id, id));
    await moveExperience(workspace.id, id, "pause");
    expect((await resolve({ key, anonymousId: anon })).experiences).toEqual([]);
    await moveExperience(workspace.id, id, "publish");
    const fr = (await resolve({ key, anonymousId: anon, locale: "fr-FR" })).experiences[0];
    expect(fr.content).toMatchObject({ title: "Bonjour", body: "Hello **there**", buttons: [{ label: "Compris", action: "dismiss" }] });
    expect(titles(await resolve({ key, anonymousId: anon, locale: "ja" }))).toEqual(["Hello"]);
    const [user] = await db.select().from(endUsers).where(eq(endUsers.anonymousId, anon));
    expect(JSON.stringify(user)).not.toMatch(/fr|ja/i);
  });

  it("answers bad input with a clear 4xx and stores nothing", async () => {
    const { workspace, key } = await sdkFixture();
    const anon = anonymousId();
    const cases: Array<[unknown, number, RegExp]> = [
      ["{not json", 400, /not valid JSON/],
      [{ key, anonymousId: anon }, 400, /url/],
      [{ key, anonymousId: 42, url: APP }, 400, /anonymousId/],
      [{ key, anonymousId: anon, url: APP, ip: "1.2.3.4" }, 400, /ip|Unrecognized/i],
      [{ key, anonymousId: anon, url: APP, attributes: { plan: { nested: true } } }, 400, /Invalid|expected/i],
      [{ key, anonymousId: anon, url: APP, attributes: { big: "x".repeat(20_000) } }, 413, /larger than/],
      [{ key: "pk_nobodyhasthiskey123", anonymousId: anon, url: APP }, 404, /No workspace/],
    ];
    for (const [body, status, message] of cases) {
      const res = await POST(post("/api/sdk/v1/resolve", body));
      const json = await res.json();
      expect(res.status, JSON.stringify(json)).toBe(status);
      expect(json.error.message).toMatch(message);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
    }
    expect(await db.select().from(endUsers).where(eq(endUsers.workspaceId, workspace.id))).toEqual([]);
  });

  it("marks the workspace's SDK as seen, for the install check in settings", async () => {
    const { workspace, key } = await sdkFixture();
    await resolve({ key, anonymousId: anonymousId() });
    const [ws] = await db.select({ at: workspaces.sdkLastSeenAt }).from(workspaces).where(eq(workspaces.id, workspace.id));
    expect(ws.at).toBeInstanceOf(Date);
  });

  it("holds out the configured share once, records it for the goal's control group, and sends URL goals to the browser", async () => {
    const { workspace, key } = await sdkFixture();
    // The end users exist (with their draws fixed) before anything can hold them out.
    const [held, shown] = [anonymousId(), anonymousId()];
    await resolve({ key, anonymousId: held });
    await resolve({ key, anonymousId: shown });
    await db.update(endUsers).set({ holdoutBucket: 29 }).where(eq(endUsers.anonymousId, held));
    await db.update(endUsers).set({ holdoutBucket: 30 }).where(eq(endUsers.anonymousId, shown));
    const id = await liveExperience(workspace.id, banner("Try reports"));
    await db.update(experiences).set({ holdoutPercent: 30, goal: { kind: "url", value: "/reports/**", match: "glob", withinDays: 7 } }).where(eq(experiences.id, id));
    await moveExperience(workspace.id, id, "pause");
    await moveExperience(workspace.id, id, "publish");

    const a = await resolve({ key, anonymousId: held });
    expect(a.experiences).toEqual([]);
    expect((a as unknown as { goals: unknown }).goals).toEqual([{ experienceId: id, match: "glob", url: "/reports/**" }]);
    expect(titles(await resolve({ key, anonymousId: shown }))).toEqual(["Try reports"]);
    await resolve({ key, anonymousId: held }); // a second time changes nothing
    const states = await db.select().from(experienceUserState).where(eq(experienceUserState.experienceId, id));
    expect(states).toHaveLength(1);
    expect(states[0].heldOutAt).toBeInstanceOf(Date);
    expect(states[0].views).toBe(0);
  });
});
