import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/db";
import { experienceEvents, experiences, experienceUserState } from "@/db/schema";
import { makeEndUser, makeWorkspace } from "@/lib/end-users/test-fixtures";
import { goalResults } from "./goals";

const T = new Date("2026-03-02T12:00:00Z").getTime();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(T + ms);

async function makeExperience(workspaceId: string, goal: unknown, holdoutPercent = 0) {
  const [row] = await db
    .insert(experiences)
    .values({ workspaceId, type: "announcement", name: "Reports launch", status: "live", content: { title: "New reports", body: "", buttons: [] }, goal: goal as Record<string, unknown> | null, holdoutPercent })
    .returning();
  return row;
}

type Ev = { type: "view" | "track" | "page"; ms: number; name?: string; experienceId?: string; workspaceId?: string };
async function events(workspaceId: string, endUserId: string, list: Ev[]) {
  for (const e of list) {
    await db.insert(experienceEvents).values({
      workspaceId: e.workspaceId ?? workspaceId,
      endUserId,
      experienceId: e.experienceId ?? null,
      type: e.type,
      name: e.name ?? null,
      clientEventId: randomUUID(),
      occurredAt: at(e.ms),
    });
  }
}

async function heldOut(workspaceId: string, endUserId: string, experienceId: string, ms: number) {
  await db.insert(experienceUserState).values({ workspaceId, endUserId, experienceId, heldOutAt: at(ms), lastEventAt: at(ms) });
}

async function user(workspaceId: string, list: Ev[] = []) {
  const u = await makeEndUser(workspaceId);
  await events(workspaceId, u.id, list);
  return u.id;
}

describe("goalResults", () => {
  it("counts an event goal within N days of first view, and of the hold-out, as a hand calculation does", async () => {
    const { workspace } = await makeWorkspace();
    const { workspace: other } = await makeWorkspace("Other Co");
    const ws = workspace.id;
    const exp = await makeExperience(ws, { kind: "event", value: "report_exported", match: "prefix", withinDays: 7 }, 20);
    const view = { type: "view" as const, ms: 0, experienceId: exp.id };
    const track = (ms: number, name = "report_exported") => ({ type: "track" as const, ms, name });

    // Seen group, t0 = T.
    await user(ws, [view, track(DAY)]); // ✓ a day later
    await user(ws, [view, track(7 * DAY)]); // ✓ on the last instant of the window
    await user(ws, [view, track(7 * DAY + 1000)]); // ✗ a second too late
    await user(ws, [view, track(-HOUR), { ...view, ms: 2 * DAY }]); // ✗ before t0 (a later view does not move t0)
    const otherName = await user(ws, [view, track(DAY, "report_opened")]); // ✗ another event
    await user(ws, [view, track(0)]); // ✗ at t0 itself, not after
    // ✗ the right event, but stored under another workspace
    await events(ws, otherName, [{ ...track(DAY), workspaceId: other.id }]);
    await user(ws, [track(DAY)]); // not in either group: never saw it, never held out

    // Held out at T.
    const h1 = await user(ws);
    await heldOut(ws, h1, exp.id, 0);
    await events(ws, h1, [track(3 * DAY)]); // ✓
    const h2 = await user(ws);
    await heldOut(ws, h2, exp.id, 0);
    await events(ws, h2, [track(8 * DAY)]); // ✗ too late
    const h3 = await user(ws);
    await heldOut(ws, h3, exp.id, 0); // ✗ nothing
    // Held out at T, shown it a day later (the share was lowered): seen, with t0 = T + 1 day.
    const h4 = await user(ws);
    await heldOut(ws, h4, exp.id, 0);
    await events(ws, h4, [{ ...view, ms: DAY }, track(DAY + HOUR)]); // ✓ seen

    // Another workspace's rows for its own experience with the same goal do not count here.
    const foreignExp = await makeExperience(other.id, { kind: "event", value: "report_exported", match: "prefix", withinDays: 7 }, 20);
    await user(other.id, [{ ...view, experienceId: foreignExp.id }, track(DAY)]);

    // seen: 7 users (6 viewed at T, plus h4), 3 converted; held out: 3 users, 1 converted.
    expect(await goalResults(ws, exp)).toEqual({
      goal: { kind: "event", value: "report_exported", match: "prefix", withinDays: 7 },
      seen: { users: 7, converted: 3, rate: 3 / 7 },
      heldOut: { users: 3, converted: 1, rate: 1 / 3 },
    });
    // Scoped to the workspace: asked from the other one, this experience has nobody.
    expect(await goalResults(other.id, exp)).toMatchObject({ seen: { users: 0, converted: 0, rate: null } });
    expect(await goalResults(other.id, foreignExp)).toMatchObject({ seen: { users: 1, converted: 1, rate: 1 } });
  });

  it("counts a URL goal by this experience's page events, and has no control group without a hold-out", async () => {
    const { workspace } = await makeWorkspace();
    const ws = workspace.id;
    const exp = await makeExperience(ws, { kind: "url", value: "/billing/upgrade", match: "prefix", withinDays: 1 });
    const sibling = await makeExperience(ws, { kind: "url", value: "/settings", match: "prefix", withinDays: 1 });
    const view = { type: "view" as const, ms: 0, experienceId: exp.id };
    const page = (ms: number, experienceId = exp.id) => ({ type: "page" as const, ms, experienceId });

    await user(ws, [view, page(23 * HOUR)]); // ✓
    await user(ws, [view, page(25 * HOUR)]); // ✗ after one day
    await user(ws, [view, page(HOUR, sibling.id)]); // ✗ another experience's goal
    await user(ws, [page(HOUR)]); // reached the URL without seeing it: in no group

    expect(await goalResults(ws, exp)).toEqual({
      goal: { kind: "url", value: "/billing/upgrade", match: "prefix", withinDays: 1 },
      seen: { users: 3, converted: 1, rate: 1 / 3 },
      heldOut: null,
    });
  });

  it("is null without a goal, and shows an empty control group when a hold-out is set but nobody was held out yet", async () => {
    const { workspace } = await makeWorkspace();
    expect(await goalResults(workspace.id, await makeExperience(workspace.id, null))).toBeNull();
    const withHoldout = await makeExperience(workspace.id, { kind: "event", value: "signup", withinDays: 3 }, 10);
    expect(await goalResults(workspace.id, withHoldout)).toEqual({
      goal: { kind: "event", value: "signup", match: "prefix", withinDays: 3 },
      seen: { users: 0, converted: 0, rate: null },
      heldOut: { users: 0, converted: 0, rate: null },
    });
  });
});
