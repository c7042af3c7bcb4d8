import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signUp } from "./support/accounts";
import { query } from "./support/db";
import { insertEndUser, workspaceId } from "./support/dashboard-data";

// The checklist and resource-center builders, their live preview (the SDK's lazily loaded renderers),
// and the checklist's completion funnel on its page.

async function noSeriousAxe(page: Page, path: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`), path).toEqual([]);
}

test("an admin builds a checklist with task conditions and actions, previews it, and reads its completion funnel", async ({ page }) => {
  const admin = await signUp(page);
  const wsId = await workspaceId(admin.slug);
  const [tour] = await query<{ id: string }>(
    "insert into experiences (workspace_id, type, name, content) values ($1, 'tour', 'Welcome tour', $2) returning id",
    [wsId, JSON.stringify({ steps: [{ id: "s1", selector: "#a", title: "Hi", body: "", placement: "auto" }] })],
  );

  await page.goto(`/w/${admin.slug}/experiences/new`);
  await page.getByRole("link", { name: /Checklist/ }).click();
  await expect(page.getByRole("heading", { name: "New checklist" })).toBeVisible();
  await noSeriousAxe(page, "experiences/new?type=checklist");
  await page.getByLabel("Name (only admins see it)").fill("Onboarding");
  await page.getByLabel("Title", { exact: true }).fill("Get started");
  await page.getByLabel("Task 1", { exact: true }).fill("Export a report");
  await page.locator("#task-0-kind").selectOption("event");
  await page.getByLabel("Event name").fill("exported-report");

  await page.getByRole("button", { name: "Add task" }).click();
  await page.getByLabel("Task 2", { exact: true }).fill("Take the tour");
  await page.locator("#task-1-kind").selectOption("experience_completed");
  await page.locator("#task-1-action").selectOption("start_tour");
  // Nothing chosen yet: the save names the missing tour.
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Choose a tour or survey.")).toBeVisible();
  await expect(page.getByText("Choose a tour.", { exact: true })).toBeVisible();
  await page.getByLabel("Tour or survey").selectOption({ label: "Welcome tour (tour)" });
  await page.getByLabel("Tour to start").selectOption({ label: "Welcome tour (tour)" });

  await page.getByRole("button", { name: "Add task" }).click();
  await page.getByLabel("Task 3", { exact: true }).fill("Visit settings");
  await page.locator("#task-2-kind").selectOption("url");
  await page.getByLabel("URL or path", { exact: true }).fill("/settings");
  await expect(page.getByText("the address is never sent to Herald")).toBeVisible();

  // The preview is the SDK's own checklist renderer (sdk-extras.js), in the container's shadow root.
  const preview = page.getByTestId("preview-container");
  await expect(preview.getByRole("region", { name: "Get started" })).toContainText("0 of 3 done");
  await expect(preview.getByRole("listitem")).toHaveCount(3);
  await expect(page.getByText("Shown until every task is done or the end user dismisses it.")).toBeVisible();

  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Draft created.")).toBeVisible();
  const [row] = await query<{ id: string; content: { tasks: unknown[] } }>("select id, content from experiences where workspace_id = $1 and type = 'checklist'", [wsId]);
  expect(row.content.tasks).toEqual([
    { id: "task-1", label: "Export a report", completeWhen: { kind: "event", name: "exported-report" } },
    { id: "task-2", label: "Take the tour", completeWhen: { kind: "experience_completed", experienceId: tour.id }, action: { kind: "start_tour", experienceId: tour.id } },
    { id: "task-3", label: "Visit settings", completeWhen: { kind: "url", match: "prefix", url: "/settings" } },
  ]);

  // Three end users saw it: two exported a report, one of them also completed the tour; nobody finished.
  const users = [await insertEndUser(wsId), await insertEndUser(wsId), await insertEndUser(wsId), await insertEndUser(wsId)];
  const state = (userId: string, experienceId: string, viewed: boolean, done: string[], completed = false) =>
    query(
      `insert into experience_user_state (workspace_id, end_user_id, experience_id, views, first_viewed_at, completed_at, done_tasks, last_event_at)
       values ($1, $2, $3, $4, $5, $6, $7, now())`,
      [wsId, userId, experienceId, viewed ? 1 : 0, viewed ? new Date() : null, completed ? new Date() : null, done],
    );
  await state(users[0].id, row.id, true, ["task-1"]);
  await state(users[1].id, row.id, true, ["task-1"]);
  await state(users[2].id, row.id, true, []);
  await state(users[3].id, row.id, false, ["task-1"]); // never saw it: not counted
  await state(users[0].id, tour.id, true, [], true);
  await page.reload();
  const funnel = page.getByRole("region", { name: "Completion funnel" });
  await expect(funnel).toContainText("3 end users saw this checklist");
  const bars = funnel.getByRole("table", { name: "End users who did each task, of those who saw the checklist" });
  await expect(bars.getByRole("row", { name: /Saw it/ })).toContainText("3 (100%)");
  await expect(bars.getByRole("row", { name: /1\. Export a report/ })).toContainText("2 (67%)");
  await expect(bars.getByRole("row", { name: /2\. Take the tour/ })).toContainText("1 (33%)");
  await expect(bars.getByRole("row", { name: /3\. Visit settings/ })).toContainText("0 (0%)");
  await expect(bars.getByRole("row", { name: /All done/ })).toContainText("0 (0%)");
  await noSeriousAxe(page, `experiences/${row.id}`);
});

test("an admin builds a resource center opened from a page element, with a help section, and previews it", async ({ page }) => {
  const admin = await signUp(page);
  const wsId = await workspaceId(admin.slug);
  await page.goto(`/w/${admin.slug}/experiences/new?type=resource_center`);
  await expect(page.getByRole("heading", { name: "New resource center" })).toBeVisible();
  await noSeriousAxe(page, "experiences/new?type=resource_center");
  await page.getByLabel("Name (only admins see it)").fill("Help");
  await page.getByLabel("Title (the launcher's label too)").fill("Help center");
  await page.getByLabel("Opened from").selectOption("element");
  await page.getByLabel("Element (CSS selector)").fill("#support");
  await page.getByLabel("Show the changelog's latest posts").uncheck();
  await page.getByRole("button", { name: "Add help section" }).click();
  await page.getByLabel("Section 1 title").fill("Guides");
  await page.getByLabel("Link 1 label").fill("Exporting reports");
  await page.getByLabel("Link 1 URL").fill("https://docs.example.com/export");
  const preview = page.getByTestId("preview-container");
  await expect(preview.getByRole("link", { name: "Exporting reports" })).toBeVisible();
  await expect(preview.getByRole("searchbox", { name: "Search help" })).toBeVisible();
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Draft created.")).toBeVisible();
  const [row] = await query<{ content: unknown }>("select content from experiences where workspace_id = $1", [wsId]);
  expect(row.content).toEqual({
    title: "Help center",
    launcher: { kind: "element", selector: "#support" },
    sections: [{ title: "Guides", links: [{ label: "Exporting reports", url: "https://docs.example.com/export" }] }],
    showChangelog: false,
    showChecklists: true,
    showTours: true,
  });
});
