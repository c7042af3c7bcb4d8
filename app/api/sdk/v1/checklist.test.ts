// Checklists through the real SDK routes: task events validated on ingest, tracked events and tour
// completions deriving tasks, progress in resolve (per end user, across devices once identified),
// restartable tours for the resource center, and the dashboard's funnel over the same state.
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { experienceEvents } from "@/db/schema";
import { checklistFunnel } from "@/lib/experiences/checklist-funnel";
import { ZChecklistContent } from "@/lib/experiences/content";
import { anonymousId, banner, eventId, liveExperience, payingSegment, post, sdkFixture } from "@/lib/sdk/test-helpers";
import { POST as events } from "./events/route";
import { POST as identify } from "./identify/route";
import { POST as resolve } from "./resolve/route";

const APP = "https://customer.example/app";
type Answer = {
  experiences: Array<{ id: string; type: string; done?: string[]; content: Record<string, unknown> }>;
  resources?: { tours: Array<{ id: string; title: string; content: { steps: unknown[] } }> };
};

async function resolved(key: string, anon: string, url = APP): Promise<Answer> {
  const res = await resolve(post("/api/sdk/v1/resolve", { key, anonymousId: anon, url }));
  expect(res.status).toBe(200);
  return res.json();
}
async function send(key: string, anon: string, list: Record<string, unknown>[]) {
  const res = await events(post("/api/sdk/v1/events", { key, anonymousId: anon, events: list.map((e) => ({ id: eventId(), at: Date.now(), ...e })) }));
  expect(res.status).toBe(200);
  return res.json();
}
const doneOf = (a: Answer, id: string) => a.experiences.find((e) => e.id === id)?.done;

const tour = (title: string, stepTitle = "Step one") => ({ type: "tour", content: { title, steps: [{ id: "s1", selector: "#a", title: stepTitle, body: "", placement: "auto" }] } });
function checklist(tourId: string) {
  return {
    type: "checklist",
    content: {
      title: "Get started",
      tasks: [
        { id: "export", label: "Export a report", completeWhen: { kind: "event", name: "exported-report" } },
        { id: "tour", label: "Take the tour", completeWhen: { kind: "experience_completed", experienceId: tourId }, action: { kind: "start_tour", experienceId: tourId } },
        { id: "settings", label: "Visit settings", completeWhen: { kind: "url", match: "prefix", url: "/settings" } },
        { id: "guide", label: "Read the guide", completeWhen: { kind: "click" }, action: { kind: "link", url: "https://docs.example.com" } },
      ],
    },
  };
}

async function setup() {
  const fx = await sdkFixture();
  const tourId = await liveExperience(fx.workspace.id, tour("Product tour"), { frequency: "once" });
  const listId = await liveExperience(fx.workspace.id, checklist(tourId), { priority: 5 });
  return { ...fx, tourId, listId };
}

describe("checklist tasks", () => {
  it("accepts task events only for URL and click tasks of that checklist, and keeps each task once", async () => {
    const { workspace, key, tourId, listId } = await setup();
    const anon = anonymousId();
    expect(doneOf(await resolved(key, anon), listId)).toEqual([]);
    const reply = await send(key, anon, [
      { type: "task", experienceId: listId, taskId: "settings" },
      { type: "task", experienceId: listId, taskId: "guide" },
      { type: "task", experienceId: listId, taskId: "guide" }, // twice: still one task
      { type: "task", experienceId: listId, taskId: "export" }, // the server decides event tasks
      { type: "task", experienceId: listId, taskId: "tour" }, // and completions
      { type: "task", experienceId: listId, taskId: "nope" },
      { type: "task", experienceId: tourId, taskId: "settings" }, // not a checklist
    ]);
    expect(reply).toEqual({ stored: 3, duplicates: 0, rejected: 4 });
    expect(doneOf(await resolved(key, anon), listId)).toEqual(["settings", "guide"]);
    const bad = await events(post("/api/sdk/v1/events", { key, anonymousId: anon, events: [{ id: eventId(), at: Date.now(), type: "task", experienceId: listId, taskId: "no spaces" }] }));
    expect(bad.status).toBe(400);
    const rows = await db.select({ name: experienceEvents.name }).from(experienceEvents).where(and(eq(experienceEvents.workspaceId, workspace.id), eq(experienceEvents.type, "task")));
    expect(rows.map((r) => r.name).sort()).toEqual(["guide", "guide", "settings"]);
  });

  it("completes event tasks from tracked events (recorded once) and experience tasks from the tour's completion", async () => {
    const { workspace, key, tourId, listId } = await setup();
    const anon = anonymousId();
    await resolved(key, anon);
    await send(key, anon, [{ type: "track", name: "exported-report" }, { type: "track", name: "exported-report" }, { type: "track", name: "other" }]);
    await send(key, anon, [{ type: "track", name: "exported-report" }]);
    expect(doneOf(await resolved(key, anon), listId)).toEqual(["export"]);
    const derived = await db.select().from(experienceEvents).where(and(eq(experienceEvents.workspaceId, workspace.id), eq(experienceEvents.type, "task")));
    expect(derived).toHaveLength(1);
    expect(derived[0]).toMatchObject({ experienceId: listId, name: "export" });

    await send(key, anon, [{ type: "view", experienceId: tourId }, { type: "complete", experienceId: tourId }]);
    expect(doneOf(await resolved(key, anon), listId)).toEqual(["export", "tour"]);

    // Another end user's progress is their own.
    expect(doneOf(await resolved(key, anonymousId()), listId)).toEqual([]);
  });

  it("is shown until completed or dismissed, whatever its frequency", async () => {
    const { key, listId } = await setup();
    const [a, b] = [anonymousId(), anonymousId()];
    await send(key, a, [{ type: "view", experienceId: listId }]);
    expect(doneOf(await resolved(key, a), listId)).toEqual([]); // seen, frequency "once", still shown
    await send(key, a, [{ type: "dismiss", experienceId: listId }]);
    expect(doneOf(await resolved(key, a), listId)).toBeUndefined();
    await send(key, b, [{ type: "complete", experienceId: listId }]);
    expect(doneOf(await resolved(key, b), listId)).toBeUndefined();
  });

  it("follows the end user to a second device once both identify as the same user", async () => {
    const { key, tourId, listId } = await setup();
    const [laptop, phone] = [anonymousId(), anonymousId()];
    await send(key, laptop, [{ type: "track", name: "exported-report" }, { type: "task", experienceId: listId, taskId: "guide" }]);
    expect((await identify(post("/api/sdk/v1/identify", { key, anonymousId: laptop, userId: "user-7" }))).status).toBe(200);
    await send(key, phone, [{ type: "complete", experienceId: tourId }, { type: "task", experienceId: listId, taskId: "guide" }]);
    expect(doneOf(await resolved(key, phone), listId)).toEqual(["tour", "guide"]);
    expect((await identify(post("/api/sdk/v1/identify", { key, anonymousId: phone, userId: "user-7" }))).status).toBe(200);
    expect(doneOf(await resolved(key, phone), listId)).toEqual(["export", "tour", "guide"]);
    expect(doneOf(await resolved(key, laptop), listId)).toEqual(["export", "tour", "guide"]);
  });
});

describe("resources for the resource center", () => {
  it("lists tours targeted here whatever their frequency, and the tours a shown checklist starts; only with a center or checklist", async () => {
    const { workspace, key } = await sdkFixture();
    const paying = await payingSegment(workspace.id);
    const here = await liveExperience(workspace.id, tour("", "Welcome aboard"), { frequency: "once" });
    const settingsTour = await liveExperience(workspace.id, tour("Settings tour"), { trigger: { match: "prefix", url: "/settings" } });
    await liveExperience(workspace.id, tour("For paying"), { segmentId: paying });
    const anon = anonymousId();
    await send(key, anon, [{ type: "view", experienceId: here }, { type: "complete", experienceId: here }]);
    await liveExperience(workspace.id, banner("Hello"));
    expect((await resolved(key, anon)).resources).toBeUndefined();

    await liveExperience(workspace.id, { type: "resource_center", content: { title: "Help", launcher: { kind: "floating" }, sections: [] } });
    const answer = await resolved(key, anon);
    expect(answer.experiences.map((e) => e.type).sort()).toEqual(["banner", "resource_center"]);
    expect(answer.resources?.tours.map((t) => t.title)).toEqual(["Welcome aboard"]); // completed and "once", still restartable
    expect(answer.resources?.tours[0].content.steps).toHaveLength(1);
    expect((await resolved(key, anon, "https://customer.example/settings/team")).resources?.tours.map((t) => t.title).sort()).toEqual(["Settings tour", "Welcome aboard"]);

    // A checklist task that starts the settings tour makes it startable from any page the checklist is on.
    await liveExperience(workspace.id, checklist(settingsTour));
    expect((await resolved(key, anon)).resources?.tours.map((t) => t.title).sort()).toEqual(["Settings tour", "Welcome aboard"]);
  });
});

describe("checklist funnel", () => {
  it("counts, among end users who saw it, those who did each task and those who finished", async () => {
    const { workspace, key, tourId, listId } = await setup();
    const users = [anonymousId(), anonymousId(), anonymousId(), anonymousId()];
    for (const u of users.slice(0, 3)) await send(key, u, [{ type: "view", experienceId: listId }]);
    await send(key, users[0], [{ type: "track", name: "exported-report" }, { type: "complete", experienceId: tourId }, { type: "task", experienceId: listId, taskId: "settings" }, { type: "task", experienceId: listId, taskId: "guide" }, { type: "complete", experienceId: listId }]);
    await send(key, users[1], [{ type: "track", name: "exported-report" }, { type: "task", experienceId: listId, taskId: "guide" }]);
    await send(key, users[3], [{ type: "track", name: "exported-report" }]); // never saw the checklist: not counted
    const content = ZChecklistContent.parse(checklist(tourId).content);
    expect(await checklistFunnel(workspace.id, listId, content)).toEqual({
      saw: 3,
      completed: 1,
      tasks: [
        { id: "export", label: "Export a report", done: 2 },
        { id: "tour", label: "Take the tour", done: 1 },
        { id: "settings", label: "Visit settings", done: 1 },
        { id: "guide", label: "Read the guide", done: 2 },
      ],
    });
    expect(await checklistFunnel(workspace.id, tourId, content)).toEqual({ saw: 0, completed: 0, tasks: content.tasks.map((t) => ({ id: t.id, label: t.label, done: 0 })) });
  });
});
