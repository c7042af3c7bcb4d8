import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signUp } from "./support/accounts";
import { query } from "./support/db";
import { insertAnswer, insertEndUser, insertSegment, insertSurvey, workspaceId } from "./support/dashboard-data";

test("every dashboard page has no serious or critical axe violation", async ({ page }) => {
  test.setTimeout(180_000);
  const admin = await signUp(page);
  const wsId = await workspaceId(admin.slug);
  const segmentId = await insertSegment(wsId, "Paying");
  const surveyId = await insertSurvey(wsId);
  const ann = await insertEndUser(wsId, { identity: { email: "ann@example.com", name: "Ann Lee" }, attributes: { plan: "paying" } });
  const anon = await insertEndUser(wsId);
  await insertAnswer(wsId, surveyId, ann.id, "nps", 9);
  await insertAnswer(wsId, surveyId, anon.id, "nps", 5);
  const [announcement] = await query<{ id: string }>(
    "insert into experiences (workspace_id, type, name, content, segment_id) values ($1, 'announcement', 'Hello', $2, $3) returning id",
    [wsId, JSON.stringify({ title: "Hello", body: "", buttons: [{ label: "OK", action: "dismiss" }] }), segmentId],
  );
  // The Goal card (with a held-out group) and the translations panel (with a French column).
  const [withGoal] = await query<{ id: string }>(
    "insert into experiences (workspace_id, type, name, content, goal, holdout_percent, translations) values ($1, 'announcement', 'With goal', $2, $3, 20, $4) returning id",
    [wsId, JSON.stringify({ title: "Hello", body: "Read this.", buttons: [{ label: "OK", action: "dismiss" }] }), JSON.stringify({ kind: "event", value: "signed_up", match: "prefix", withinDays: 7 }), JSON.stringify({ fr: { title: "Bonjour" } })],
  );
  await query("insert into audit_log (workspace_id, action, target_type, target_id) values ($1, 'view_person', 'end_user', $2)", [wsId, ann.id]);

  const pages = [
    "experiences", "experiences/new", ...["announcement", "banner", "tour", "hint", "survey"].map((t) => `experiences/new?type=${t}`), `experiences/${announcement.id}`, `experiences/${surveyId}`, `experiences/${withGoal.id}`,
    "segments", "segments/new", `segments/${segmentId}`,
    "surveys", `surveys/${surveyId}`,
    "users", `users/${ann.id}`, `users/${anon.id}`,
    "settings", "settings/identity", "settings/theme", "settings/privacy", "settings/audit", "settings/members",
  ];
  for (const path of pages) {
    await page.goto(`/w/${admin.slug}/${path}`);
    await expect(page.locator("main h1")).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`), path).toEqual([]);
  }
});
