import { expect, test } from "@playwright/test";
import { signInViaApi, signUp, uniqueEmail } from "./support/accounts";
import { query } from "./support/db";
import { firstLink, latestMail } from "./support/mailbox";

test("an admin creates a second workspace and switches between them", async ({ page }) => {
  const admin = await signUp(page, { workspaceName: "First Product" });
  await page.locator("summary", { hasText: "Switch workspace" }).first().click();
  await page.getByRole("link", { name: "+ New workspace" }).first().click();
  await page.getByLabel("Workspace name").fill("Second Product");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await page.waitForURL(/\/w\/second-product[^/]*\/experiences$/);
  await page.locator("summary", { hasText: "Switch workspace" }).first().click();
  await page.getByRole("link", { name: /First Product/ }).first().click();
  await page.waitForURL(new RegExp(`/w/${admin.slug}/experiences$`));
  const rows = await query(`select 1 from memberships m join users u on u.id = m.user_id where u.email = $1 and m.role = 'owner'`, [admin.email]);
  expect(rows).toHaveLength(2);
});

test("an owner removes a member, who then gets 404; members cannot invite", async ({ page, browser }) => {
  const owner = await signUp(page, { workspaceName: "Removal Co" });
  await page.goto(`/w/${owner.slug}/settings/members`);
  const email = uniqueEmail("member");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Invite" }).click();
  const link = firstLink((await latestMail(email)).text);

  const ctx = await browser.newContext();
  const member = await ctx.newPage();
  await signUp(member, { email, invite: new URL(link).pathname.split("/").pop() });
  await member.getByRole("button", { name: "Join Removal Co" }).click();
  await member.waitForURL(new RegExp(`/w/${owner.slug}/experiences$`));
  await member.goto(`/w/${owner.slug}/settings/members`);
  await expect(member.getByRole("heading", { name: "Members" })).toBeVisible();
  await expect(member.getByRole("button", { name: "Invite" })).toHaveCount(0);
  await expect(member.getByRole("button", { name: "Remove" })).toHaveCount(0);

  page.on("dialog", (d) => d.accept());
  await page.reload();
  await page.getByRole("row", { name: new RegExp(email) }).getByRole("button", { name: "Remove" }).click();
  await expect(page.getByRole("row", { name: new RegExp(email) })).toHaveCount(0);
  expect((await member.goto(`/w/${owner.slug}/experiences`))?.status()).toBe(404);
  await ctx.close();

  // The removed member still has their own account and can sign in elsewhere.
  const again = await browser.newContext();
  const p = await again.newPage();
  await signInViaApi(p, email);
  expect((await p.goto(`/w/${owner.slug}/settings/members`))?.status()).toBe(404);
  await again.close();
});
