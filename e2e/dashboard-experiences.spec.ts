import { expect, test } from "@playwright/test";
import { signUp } from "./support/accounts";
import { query } from "./support/db";
import { insertSegment, workspaceId } from "./support/dashboard-data";

test("an admin builds, previews, publishes, pauses, archives and duplicates an announcement", async ({ page }) => {
  page.on("dialog", (d) => d.accept());
  const admin = await signUp(page);
  const wsId = await workspaceId(admin.slug);
  await insertSegment(wsId, "Paying customers");
  await page.goto(`/w/${admin.slug}/experiences`);
  await expect(page.getByRole("heading", { name: "No experiences yet" })).toBeVisible();
  await page.getByRole("link", { name: "New experience" }).first().click();
  await page.getByRole("link", { name: /Announcement/ }).click();
  await expect(page.getByRole("heading", { name: "New announcement" })).toBeVisible();
  await expect(page.getByText("Preview unavailable")).toHaveCount(0);

  // A 10,000-character title and an empty name: messages next to the fields, nothing saved.
  await page.getByLabel("Title", { exact: true }).fill("x".repeat(10_000));
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Title must be at most 120 characters.")).toBeVisible();
  await expect(page.getByText("Give the experience a name.")).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveAttribute("aria-invalid", "true");
  expect(await query("select 1 from experiences where workspace_id = $1", [wsId])).toHaveLength(0);

  await page.getByLabel("Name (only admins see it)").fill("Reports launch");
  await page.getByLabel("Title", { exact: true }).fill("New: reports");
  await page.getByLabel("Body (Markdown)").fill("**Export** any chart.");
  // The live preview is the SDK's own renderer (/sdk.js), in the container's open shadow root.
  const preview = page.getByTestId("preview-container");
  await expect(preview.getByRole("heading", { name: "New: reports" })).toBeVisible();
  await expect(preview.locator("strong")).toHaveText("Export");
  await page.getByLabel("Segment").selectOption({ label: "Paying customers" });
  await page.getByLabel("Show on pages").selectOption("prefix");
  await page.getByLabel("URL or path").fill("/app/reports");
  await page.getByLabel("Priority (0–100, higher first)").fill("7");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Draft created.")).toBeVisible();
  const [row] = await query<{ id: string; status: string; content: { title: string }; trigger: unknown; priority: number; segment_id: string }>(
    "select id, status, content, trigger, priority, segment_id from experiences where workspace_id = $1", [wsId]);
  expect(row).toMatchObject({ status: "draft", content: { title: "New: reports" }, trigger: { match: "prefix", url: "/app/reports" }, priority: 7 });
  expect(row.segment_id).not.toBeNull();

  // Editing keeps the form as typed and confirms the save.
  await page.getByLabel("Title", { exact: true }).fill("New: scheduled reports");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("New: scheduled reports");
  expect((await query<{ content: { title: string } }>("select content from experiences where id = $1", [row.id]))[0].content.title).toBe("New: scheduled reports");

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("live", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByText("paused", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByText("archived", { exact: true })).toBeVisible();
  expect((await query<{ status: string; published_at: Date | null }>("select status, published_at from experiences where id = $1", [row.id]))[0]).toMatchObject({ status: "archived", published_at: expect.any(Date) });

  await page.getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByText("Duplicated: this is the copy")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Reports launch (copy)" })).toBeVisible();
  await expect(page.getByLabel("Name (only admins see it)")).toHaveValue("Reports launch (copy)");

  // The list: type, status, segment, filters, search.
  await page.goto(`/w/${admin.slug}/experiences`);
  const table = page.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("row", { name: /Reports launch \(copy\).*Announcement.*draft.*Paying customers/ })).toBeVisible();
  await page.getByLabel("Status").selectOption("archived");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(table.getByRole("row")).toHaveCount(2);
  await page.goto(`/w/${admin.slug}/experiences?q=nothing-like-this`);
  await expect(page.getByRole("heading", { name: "No experience matches" })).toBeVisible();
});

test("tour and survey builders reject an invalid selector and an empty question, saving nothing", async ({ page }) => {
  const admin = await signUp(page);
  const wsId = await workspaceId(admin.slug);
  await page.goto(`/w/${admin.slug}/experiences/new?type=tour`);
  await page.getByLabel("Name (only admins see it)").fill("Onboarding");
  await page.getByLabel("Step 1 element (CSS selector)").fill("#save[");
  await page.getByLabel("Step 1 title").fill("Save your work");
  await page.getByRole("button", { name: "Add step" }).click();
  await page.getByLabel("Step 2 element (CSS selector)").fill(".export");
  await page.getByLabel("Step 2 title").fill("Export");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("That is not a valid CSS selector.")).toBeVisible();
  expect(await query("select 1 from experiences where workspace_id = $1", [wsId])).toHaveLength(0);
  await page.getByLabel("Step 1 element (CSS selector)").fill("#save");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Draft created.")).toBeVisible();
  const [tour] = await query<{ content: { steps: { selector: string }[] } }>("select content from experiences where workspace_id = $1", [wsId]);
  expect(tour.content.steps.map((s) => s.selector)).toEqual(["#save", ".export"]);

  await page.goto(`/w/${admin.slug}/experiences/new?type=survey`);
  await page.getByLabel("Name (only admins see it)").fill("Feedback");
  await page.getByRole("button", { name: "Add question" }).click();
  await page.getByLabel("Question 1", { exact: true }).fill("How likely are you to recommend us?");
  await page.getByLabel("Question 2 type").selectOption("single_choice");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Question is required.")).toBeVisible();
  expect(await query("select 1 from experiences where workspace_id = $1 and type = 'survey'", [wsId])).toHaveLength(0);
  await page.getByLabel("Question 2", { exact: true }).fill("Which plan are you on?");
  await page.getByLabel("Options (one per line)").fill("Free\nPro\n");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Draft created.")).toBeVisible();
  const [survey] = await query<{ content: { questions: { type: string; options?: string[] }[] } }>("select content from experiences where workspace_id = $1 and type = 'survey'", [wsId]);
  expect(survey.content.questions.map((q) => q.type)).toEqual(["nps", "single_choice"]);
  expect(survey.content.questions[1].options).toEqual(["Free", "Pro"]);
});
