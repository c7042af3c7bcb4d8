import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { signUp } from "./support/accounts";
import { query } from "./support/db";
import { insertEndUser, workspaceId } from "./support/dashboard-data";

// Goals on the experience page: conversion of those who saw it against the held-out group, from
// events seeded at known times, and the Goal fieldset of the editor.

const T = Date.parse("2026-02-02T09:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ANNOUNCEMENT = { title: "New reports", body: "Export any chart.", buttons: [{ label: "Got it", action: "dismiss" }] };

async function insertExperience(wsId: string, goal: unknown, holdoutPercent: number): Promise<string> {
  const [row] = await query<{ id: string }>(
    "insert into experiences (workspace_id, type, name, status, content, goal, holdout_percent) values ($1, 'announcement', 'Reports launch', 'draft', $2, $3, $4) returning id",
    [wsId, JSON.stringify(ANNOUNCEMENT), goal === null ? null : JSON.stringify(goal), holdoutPercent],
  );
  return row.id;
}

async function event(wsId: string, endUserId: string, type: "view" | "track", ms: number, opts: { experienceId?: string; name?: string } = {}) {
  await query(
    "insert into experience_events (workspace_id, end_user_id, experience_id, type, name, client_event_id, occurred_at) values ($1, $2, $3, $4, $5, $6, $7)",
    [wsId, endUserId, opts.experienceId ?? null, type, opts.name ?? null, randomUUID(), new Date(T + ms)],
  );
}

test("the Goal card shows the conversion a hand calculation gives, for those who saw it and the held-out group", async ({ page }) => {
  const admin = await signUp(page);
  const wsId = await workspaceId(admin.slug);
  const experienceId = await insertExperience(wsId, { kind: "event", value: "report_exported", match: "prefix", withinDays: 7 }, 20);
  const exported = (ms: number) => ({ ms, name: "report_exported" });

  // Saw it at T (the trigger on experience_events fills experience_user_state.first_viewed_at).
  const seen: { ms: number; name: string }[][] = [
    [exported(DAY)], // ✓
    [exported(7 * DAY - HOUR)], // ✓ just inside seven days
    [exported(7 * DAY + HOUR)], // ✗ just outside
    [exported(-HOUR)], // ✗ before seeing it
    [], // ✗ never
  ];
  for (const goals of seen) {
    const u = await insertEndUser(wsId);
    await event(wsId, u.id, "view", 0, { experienceId });
    for (const g of goals) await event(wsId, u.id, "track", g.ms, { name: g.name });
  }
  // Held out at T, as the SDK API records it.
  const held: number[][] = [[2 * DAY] /* ✓ */, [10 * DAY] /* ✗ too late */, [], []];
  for (const goals of held) {
    const u = await insertEndUser(wsId);
    await query(
      "insert into experience_user_state (workspace_id, end_user_id, experience_id, held_out_at, last_event_at) values ($1, $2, $3, $4, $4)",
      [wsId, u.id, experienceId, new Date(T)],
    );
    for (const ms of goals) await event(wsId, u.id, "track", ms, { name: "report_exported" });
  }

  // By hand: saw it 2 of 5 = 40.0%; held out 1 of 4 = 25.0%; difference +15.0 points.
  await page.goto(`/w/${admin.slug}/experiences/${experienceId}`);
  await expect(page.getByText("Their app tracks “report_exported” within 7 days.")).toBeVisible();
  const cells = async (testId: string) => page.getByTestId(testId).locator("th, td").allInnerTexts();
  expect(await cells("goal-seen")).toEqual(["Saw it", "5", "2", "40.0%"]);
  expect(await cells("goal-held-out")).toEqual(["Held out", "4", "1", "25.0%"]);
  await expect(page.getByTestId("goal-difference")).toHaveText("Difference: +15.0 percentage points (saw it minus held out).");
  await expect(page.getByText(/Counted from events/)).toBeVisible();
});

test("an admin sets a URL goal and a hold-out share, with messages next to the fields", async ({ page }) => {
  const admin = await signUp(page);
  const wsId = await workspaceId(admin.slug);
  const experienceId = await insertExperience(wsId, null, 0);
  await page.goto(`/w/${admin.slug}/experiences/${experienceId}`);
  await expect(page.getByText(/No goal set\./)).toBeVisible();

  await page.getByLabel("Goal type").selectOption("url");
  await page.getByLabel("Reached when").selectOption("prefix");
  await page.getByLabel("URL or path").fill("billing");
  await page.getByLabel("Within (days after seeing it)").fill("0");
  await page.getByLabel("Hold-out share (%)").fill("60");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Use a path starting with / or an http(s) URL.")).toBeVisible();
  await expect(page.getByText("Use 1 to 90 days.")).toBeVisible();
  await expect(page.getByText("Hold out at most 50% of end users.")).toBeVisible();
  await expect(page.getByLabel("Hold-out share (%)")).toHaveAttribute("aria-invalid", "true");
  expect((await query<{ goal: unknown }>("select goal from experiences where id = $1", [experienceId]))[0].goal).toBeNull();

  await page.getByLabel("URL or path").fill("/billing/upgrade");
  await page.getByLabel("Within (days after seeing it)").fill("14");
  await page.getByLabel("Hold-out share (%)").fill("10");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  const [row] = await query<{ goal: unknown; holdout_percent: number }>("select goal, holdout_percent from experiences where id = $1", [experienceId]);
  expect(row).toEqual({ goal: { kind: "url", value: "/billing/upgrade", match: "prefix", withinDays: 14 }, holdout_percent: 10 });

  await page.reload();
  await expect(page.getByText("They visit a URL starting with /billing/upgrade within 14 days.")).toBeVisible();
  expect(await page.getByTestId("goal-seen").locator("th, td").allInnerTexts()).toEqual(["Saw it", "0", "0", "—"]);
  await expect(page.getByLabel("Goal type")).toHaveValue("url");
  await expect(page.getByLabel("Hold-out share (%)")).toHaveValue("10");

  // No goal: the hold-out goes with it.
  await page.getByLabel("Goal type").selectOption("");
  await expect(page.getByLabel("Hold-out share (%)")).toHaveCount(0);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  expect((await query("select goal, holdout_percent from experiences where id = $1", [experienceId]))[0]).toEqual({ goal: null, holdout_percent: 0 });
});
