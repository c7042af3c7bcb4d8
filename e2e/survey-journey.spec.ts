import { expect, test, type Browser, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { signUp } from "./support/accounts";
import { query } from "./support/db";
import { openHost, storedAnonymousId } from "./support/sdk-host";

// The whole journey of issue 5: an admin builds and publishes a survey in the dashboard; end users
// answer it on the customer's page (another origin) through the real SDK, one anonymously and one
// after identify; the results name the identified one and show the other as "Anonymous"; the admin
// exports and erases that person, whose row becomes anonymous; the audit log shows all three actions.

async function answerOnHost(browser: Browser, publicKey: string, score: string, why: string, identify?: boolean) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openHost(page, publicKey);
  const card = page.getByRole("dialog", { name: "Tell us how we are doing" });
  await expect(card).toContainText("Question 1 of 2");
  if (identify) {
    const form = page.getByRole("form", { name: "Identify" });
    const done = page.waitForResponse((r) => r.url().endsWith("/api/sdk/v1/identify"));
    await form.getByRole("button", { name: "Identify" }).click(); // user-42, ada@customer.example, Ada Park
    expect((await done).status()).toBe(200);
  }
  await card.getByRole("button", { name: score, exact: true }).click();
  await card.getByRole("button", { name: "Next" }).click();
  await card.getByRole("textbox", { name: "What should we improve?" }).fill(why);
  await card.getByRole("button", { name: "Submit" }).click();
  await expect(card.getByRole("status")).toBeVisible();
  const anonymousId = await storedAnonymousId(page);
  await context.close(); // the page hides: the last events leave by beacon or were sent already
  return anonymousId;
}

async function buildAndPublish(page: Page, slug: string): Promise<string> {
  await page.goto(`/w/${slug}/experiences/new?type=survey`);
  await page.getByLabel("Name (only admins see it)").fill("Q4 feedback");
  await page.getByLabel("Survey title (optional)").fill("Tell us how we are doing");
  await page.getByLabel("Question 1", { exact: true }).fill("How likely are you to recommend us?");
  await page.getByRole("button", { name: "Add question" }).click();
  await page.getByLabel("Question 2", { exact: true }).fill("What should we improve?");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Draft created.")).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("live", { exact: true })).toBeVisible();
  const [{ id }] = await query<{ id: string }>("select e.id from experiences e join workspaces w on w.id = e.workspace_id where w.slug = $1 and e.name = 'Q4 feedback'", [slug]);
  return id;
}

test("a survey built in the dashboard is answered on the customer's page, anonymously and identified, and its results name only the identified person until erased", async ({ page, browser }) => {
  test.setTimeout(120_000);
  page.on("dialog", (d) => d.accept());
  const admin = await signUp(page);
  const [{ public_key: key }] = await query<{ public_key: string }>("select public_key from workspaces where slug = $1", [admin.slug]);
  const surveyId = await buildAndPublish(page, admin.slug);

  const anonymous = await answerOnHost(browser, key, "4", "Faster exports");
  await answerOnHost(browser, key, "10", "Dark mode", true);
  await expect.poll(async () => (await query("select 1 from survey_responses where experience_id = $1", [surveyId])).length, { timeout: 15_000 }).toBe(4);

  await page.goto(`/w/${admin.slug}/surveys/${surveyId}`);
  await expect(page.getByTestId("respondents")).toHaveText("2");
  const rows = page.getByTestId("response-row");
  await expect(rows).toHaveCount(2);
  const ada = rows.filter({ hasText: "Ada Park" });
  await expect(ada).toContainText("ada@customer.example");
  await expect(ada).toContainText("Dark mode");
  const anonLabel = `Anonymous ${anonymous.replace(/[^A-Za-z0-9]/g, "").slice(0, 8)}`;
  await expect(rows.filter({ hasText: anonLabel })).toContainText("Faster exports");

  // The person: exported as JSON, then erased; their answers stay, as an anonymous respondent.
  await ada.getByRole("link", { name: "Ada Park" }).click();
  await expect(page.getByRole("heading", { name: "Ada Park" })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export data (JSON)" }).click();
  const exported = JSON.parse(readFileSync(await (await download).path(), "utf8"));
  expect(exported.person).toMatchObject({ externalId: "user-42", traits: { email: "ada@customer.example", name: "Ada Park" } });
  await page.getByRole("button", { name: "Erase personal data" }).click();
  await expect(page.getByRole("heading", { name: /^Anonymous / })).toBeVisible();

  await page.goto(`/w/${admin.slug}/surveys/${surveyId}`);
  await expect(rows).toHaveCount(2);
  await expect(page.getByText("Ada Park")).toHaveCount(0);
  await expect(page.getByText("ada@customer.example")).toHaveCount(0);
  await expect(rows.filter({ hasText: "Dark mode" })).toContainText("Anonymous");

  await page.goto(`/w/${admin.slug}/settings/audit`);
  const audit = page.getByTestId("audit-row");
  await expect(audit.filter({ hasText: "Viewed personal data" })).toHaveCount(1);
  await expect(audit.filter({ hasText: "Exported personal data" })).toHaveCount(1);
  await expect(audit.filter({ hasText: "Erased personal data" })).toHaveCount(1);
});
