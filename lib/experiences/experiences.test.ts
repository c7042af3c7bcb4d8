import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { experienceEvents, experiences } from "@/db/schema";
import { makeEndUser, makeWorkspace } from "@/lib/end-users/test-fixtures";
import { createSegment } from "@/lib/segments/segments";
import { createExperience, duplicateExperience, getExperience, moveExperience, updateExperience } from "./experiences";
import { listExperiences } from "./list";

const announcement = (title = "New reports") => ({
  name: "Reports launch",
  typed: { type: "announcement", content: { title, body: "**Try them**", buttons: [{ label: "Got it", action: "dismiss" }] } },
  trigger: { match: "prefix", url: "/app" },
  frequency: "once",
  priority: 10,
  segmentId: null,
});

const tour = (selector: string) => ({
  ...announcement(),
  name: "Onboarding tour",
  typed: { type: "tour", content: { steps: [{ id: "s1", selector, title: "Save", body: "", placement: "auto" }] } },
});

describe("experiences", () => {
  it("creates, edits, moves through draft → live → paused → archived and duplicates", async () => {
    const { workspace } = await makeWorkspace();
    const created = await createExperience(workspace.id, announcement());
    expect(created.ok).toBe(true);
    const id = (created as { id: string }).id;
    expect((await getExperience(workspace.id, id))?.status).toBe("draft");

    expect(await updateExperience(workspace.id, id, { ...announcement("Renamed"), priority: 5 })).toEqual({ ok: true, id });
    const edited = await getExperience(workspace.id, id);
    expect(edited?.content).toMatchObject({ title: "Renamed" });
    expect(edited?.priority).toBe(5);

    expect(await moveExperience(workspace.id, id, "pause")).toMatchObject({ ok: false });
    expect(await moveExperience(workspace.id, id, "publish")).toEqual({ ok: true, status: "live" });
    expect((await getExperience(workspace.id, id))?.publishedAt).toBeInstanceOf(Date);
    expect(await moveExperience(workspace.id, id, "pause")).toEqual({ ok: true, status: "paused" });
    expect(await moveExperience(workspace.id, id, "archive")).toEqual({ ok: true, status: "archived" });
    expect(await moveExperience(workspace.id, id, "publish")).toMatchObject({ ok: false });

    const copyId = await duplicateExperience(workspace.id, id);
    const copy = await getExperience(workspace.id, copyId!);
    expect(copy).toMatchObject({ name: "Reports launch (copy)", status: "draft", type: "announcement", priority: 5 });
    expect(copy?.publishedAt).toBeNull();
  });

  it("rejects bad input with a message per field and stores nothing", async () => {
    const { workspace } = await makeWorkspace();
    const bad = await createExperience(workspace.id, announcement("x".repeat(10_000)));
    expect(bad).toEqual({ ok: false, fieldErrors: { "typed.content.title": "Title must be at most 120 characters." } });
    const badSelector = await createExperience(workspace.id, tour("#save["));
    expect(badSelector).toMatchObject({ ok: false, fieldErrors: { "typed.content.steps.0.selector": "That is not a valid CSS selector." } });
    const emptyQuestion = await createExperience(workspace.id, {
      ...announcement(),
      typed: { type: "survey", content: { questions: [{ id: "q1", type: "text", prompt: "  " }] } },
    });
    expect(emptyQuestion).toMatchObject({ ok: false, fieldErrors: { "typed.content.questions.0.prompt": "Question is required." } });
    const noUrl = await createExperience(workspace.id, { ...announcement(), trigger: { match: "exact" } });
    expect(noUrl).toMatchObject({ ok: false, fieldErrors: { "trigger.url": "Enter the URL or path to match." } });
    expect(await db.select().from(experiences).where(eq(experiences.workspaceId, workspace.id))).toHaveLength(0);
  });

  it("refuses a segment of another workspace and a type change", async () => {
    const a = await makeWorkspace();
    const b = await makeWorkspace();
    const seg = await createSegment(b.workspace.id, { name: "B only", rules: { kind: "group", combinator: "and", children: [{ kind: "condition", attribute: "plan", operator: "is_set" }] } });
    const res = await createExperience(a.workspace.id, { ...announcement(), segmentId: (seg as { id: string }).id });
    expect(res).toEqual({ ok: false, fieldErrors: { segmentId: "Choose a segment of this workspace." } });
    const { id } = (await createExperience(a.workspace.id, announcement())) as { id: string };
    expect(await updateExperience(a.workspace.id, id, tour("#x"))).toMatchObject({ ok: false, fieldErrors: { form: expect.any(String) } });
  });

  it("reads and changes nothing through another workspace's id", async () => {
    const a = await makeWorkspace();
    const b = await makeWorkspace();
    const { id } = (await createExperience(a.workspace.id, announcement())) as { id: string };
    expect(await getExperience(b.workspace.id, id)).toBeUndefined();
    expect(await updateExperience(b.workspace.id, id, announcement("Hijacked"))).toEqual({ ok: false, notFound: true });
    expect(await moveExperience(b.workspace.id, id, "publish")).toMatchObject({ ok: false });
    expect(await duplicateExperience(b.workspace.id, id)).toBeUndefined();
    expect((await listExperiences(b.workspace.id)).total).toBe(0);
    const row = await getExperience(a.workspace.id, id);
    expect(row).toMatchObject({ status: "draft", content: { title: "New reports" } });
    expect(await getExperience(a.workspace.id, "not-a-uuid")).toBeUndefined();
  });

  it("lists with filters, search, pagination and view/completion aggregates", async () => {
    const { workspace } = await makeWorkspace();
    const { id } = (await createExperience(workspace.id, announcement())) as { id: string };
    await createExperience(workspace.id, { ...tour("#save"), name: "Tour of 100% things" });
    for (let i = 0; i < 21; i++) await createExperience(workspace.id, { ...announcement(), name: `Filler ${i}` });
    const people = await Promise.all([1, 2, 3, 4].map(() => makeEndUser(workspace.id)));
    const event = (endUserId: string, type: "view" | "complete") =>
      db.insert(experienceEvents).values({ workspaceId: workspace.id, endUserId, experienceId: id, type, clientEventId: randomUUID() });
    for (const p of people) await event(p.id, "view");
    await event(people[0].id, "view");
    await event(people[0].id, "complete");

    const all = await listExperiences(workspace.id);
    expect(all.total).toBe(23);
    expect(all.rows).toHaveLength(20);
    expect(all.pageCount).toBe(2);
    expect((await listExperiences(workspace.id, { page: 2 })).rows).toHaveLength(3);
    const tours = await listExperiences(workspace.id, { type: "tour" });
    expect(tours.rows.map((r) => r.name)).toEqual(["Tour of 100% things"]);
    expect((await listExperiences(workspace.id, { q: "100%" })).total).toBe(1);
    expect((await listExperiences(workspace.id, { q: "%" })).total).toBe(1);
    expect((await listExperiences(workspace.id, { status: "live" })).total).toBe(0);
    const launch = (await listExperiences(workspace.id, { q: "Reports launch" })).rows[0];
    expect(launch).toMatchObject({ views: 5, viewers: 4, completers: 1, completionRate: 0.25 });
  });
});
