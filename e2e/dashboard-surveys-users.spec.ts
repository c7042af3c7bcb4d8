import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { signUp } from "./support/accounts";
import { query } from "./support/db";
import { insertAnswer, insertEndUser, insertSurvey, workspaceId } from "./support/dashboard-data";

test("survey results show who answered; a person is exported, erased and becomes anonymous; the audit log shows it", async ({ page }) => {
  page.on("dialog", (d) => d.accept());
  const admin = await signUp(page);
  const wsId = await workspaceId(admin.slug);
  const surveyId = await insertSurvey(wsId);
  const ann = await insertEndUser(wsId, { identity: { email: "ann.lee@example.com", name: "Ann Lee" }, externalId: "user-42", attributes: { plan: "paying" } });
  const anon = await insertEndUser(wsId);
  await insertAnswer(wsId, surveyId, ann.id, "nps", 10);
  await insertAnswer(wsId, surveyId, ann.id, "why", "More exports");
  await insertAnswer(wsId, surveyId, anon.id, "nps", 4);
  const anonLabel = `Anonymous ${anon.anonymousId.replace(/[^A-Za-z0-9]/g, "").slice(0, 8)}`;

  await page.goto(`/w/${admin.slug}/surveys`);
  await page.getByRole("link", { name: "Quarterly NPS" }).click();
  await expect(page.getByTestId("respondents")).toHaveText("2");
  await expect(page.getByTestId("nps-score")).toHaveText("0");
  const rows = page.getByTestId("response-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "Ann Lee" })).toContainText("ann.lee@example.com");
  await expect(rows.filter({ hasText: anonLabel })).toContainText("4");

  await page.getByLabel("Who").selectOption("anonymous");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(anonLabel);
  await page.getByLabel("Who").selectOption("all");
  await page.getByLabel("Question").selectOption({ label: "Q1" });
  await page.getByLabel("Answer is").fill("10");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("Ann Lee");

  const csvResponse = await page.request.get(`/api/w/${admin.slug}/surveys/export?survey=${surveyId}`);
  expect(csvResponse.headers()["content-type"]).toContain("text/csv");
  const csv = await csvResponse.text();
  expect(csv).toContain("identified,Ann Lee,ann.lee@example.com");
  expect(csv).toContain(anonLabel);

  // The users section: counts, exact-email search through the blind index, the person's page.
  await page.goto(`/w/${admin.slug}/users`);
  await expect(page.getByTestId("identified-count")).toHaveText("1");
  await expect(page.getByTestId("anonymous-count")).toHaveText("1");
  await page.getByLabel("Exact email, or part of a name").fill("ANN.LEE@example.com");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "Ann Lee" }).click();
  await expect(page.getByRole("heading", { name: "Ann Lee" })).toBeVisible();
  await expect(page.getByText("user-42")).toBeVisible();
  await expect(page.getByText("paying")).toBeVisible();
  await expect(page.getByText("More exports")).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export data (JSON)" }).click();
  const exported = JSON.parse(readFileSync(await (await download).path(), "utf8"));
  expect(exported.person).toMatchObject({ externalId: "user-42", traits: { email: "ann.lee@example.com", name: "Ann Lee" }, attributes: { plan: "paying" } });

  await page.getByRole("button", { name: "Erase personal data" }).click();
  await expect(page.getByRole("heading", { name: /^Anonymous / })).toBeVisible();
  expect(await query("select 1 from end_user_identities where end_user_id = $1", [ann.id])).toHaveLength(0);
  expect((await query<{ external_id: string | null }>("select external_id from end_users where id = $1", [ann.id]))[0].external_id).toBeNull();

  await page.goto(`/w/${admin.slug}/surveys/${surveyId}`);
  await expect(rows).toHaveCount(2);
  await expect(page.getByText("Ann Lee")).toHaveCount(0);
  await expect(page.getByTestId("nps-score")).toHaveText("0"); // the aggregate is unchanged

  await page.goto(`/w/${admin.slug}/settings/audit`);
  const audit = page.getByTestId("audit-row");
  await expect(audit.filter({ hasText: "Viewed personal data" })).toHaveCount(1);
  await expect(audit.filter({ hasText: "Exported personal data" })).toHaveCount(1);
  await expect(audit.filter({ hasText: "Erased personal data" })).toHaveCount(1);
  await expect(audit.filter({ hasText: "Exported survey responses" })).toHaveCount(1);
});
