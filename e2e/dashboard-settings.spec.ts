import { expect, test } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { signUp } from "./support/accounts";
import { query } from "./support/db";
import { workspaceId } from "./support/dashboard-data";

test("an owner renames the workspace, sets the theme, turns identity verification on and rotates the secret", async ({ page }) => {
  page.on("dialog", (d) => d.accept());
  const owner = await signUp(page);
  const wsId = await workspaceId(owner.slug);
  await page.goto(`/w/${owner.slug}/settings`);
  const [ws] = await query<{ public_key: string }>("select public_key from workspaces where id = $1", [wsId]);
  await expect(page.getByTestId("install-snippet")).toContainText(`herald.init({ key: "${ws.public_key}" })`);
  await expect(page.getByText("Not seen yet")).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy snippet" })).toBeVisible();
  await query("update workspaces set sdk_last_seen_at = now() where id = $1", [wsId]);
  await page.reload();
  await expect(page.getByText(/Installed: the SDK last reached Herald/)).toBeVisible();

  await page.getByLabel("Workspace name").fill("x".repeat(81));
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Use at most 80 characters for the workspace name.")).toBeVisible();
  const slug = `renamed-${randomBytes(3).toString("hex")}`;
  await page.getByLabel("Workspace name").fill("Renamed Co");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Save" }).click();
  await page.waitForURL(new RegExp(`/w/${slug}/settings\\?saved=1$`));
  expect((await query<{ name: string; slug: string }>("select name, slug from workspaces where id = $1", [wsId]))[0]).toEqual({ name: "Renamed Co", slug });

  await page.getByRole("link", { name: "Theme" }).click();
  await page.getByLabel("Primary colour (buttons, links)").fill("red");
  await page.getByRole("button", { name: "Save theme" }).click();
  await expect(page.getByText("Use a hex colour like #4f46e5.")).toBeVisible();
  await page.getByLabel("Primary colour (buttons, links)").fill("#112233");
  await page.getByRole("button", { name: "Save theme" }).click();
  await expect(page.getByText("Theme saved.")).toBeVisible();
  expect((await query<{ settings: { theme: { primaryColor: string } } }>("select settings from workspaces where id = $1", [wsId]))[0].settings.theme.primaryColor).toBe("#112233");

  await page.getByRole("link", { name: "Identity verification" }).click();
  await expect(page.getByTestId("identity-status")).toHaveText("off");
  for (const lang of ["Node.js", "Python", "Ruby", "PHP"]) await expect(page.getByRole("heading", { name: lang })).toBeVisible();
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByTestId("identity-status")).toHaveText("on");
  const before = (await query<{ identity_secret_enc: string }>("select identity_secret_enc from workspaces where id = $1", [wsId]))[0].identity_secret_enc;
  await page.getByRole("button", { name: "Rotate secret" }).click();
  const message = page.getByText(/New secret \(shown once/);
  await expect(message).toBeVisible();
  const secret = (await message.textContent())!.match(/[0-9a-f]{64}/)![0];
  const after = (await query<{ identity_secret_enc: string }>("select identity_secret_enc from workspaces where id = $1", [wsId]))[0].identity_secret_enc;
  expect(after).not.toBe(before);
  expect(after).not.toContain(secret);
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0); // shown once
  await expect(page.getByText(`…${secret.slice(-4)}`)).toBeVisible();

  await page.getByRole("link", { name: "Data & privacy" }).click();
  await expect(page.getByRole("heading", { name: "Never collected" })).toBeVisible();
  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
});

test("a member reads settings but the server refuses their changes", async ({ page, browser }) => {
  const owner = await signUp(page);
  const wsId = await workspaceId(owner.slug);
  const ctx = await browser.newContext();
  const mp = await ctx.newPage();
  const member = await signUp(mp);
  await query("insert into memberships (workspace_id, user_id, role) select $1, id, 'member' from users where email = $2", [wsId, member.email]);

  await mp.goto(`/w/${owner.slug}/settings`);
  await expect(mp.getByText("You can read these settings; owners and admins change them.")).toBeVisible();
  await expect(mp.getByRole("button", { name: "Save" })).toHaveCount(0);
  await expect(mp.getByLabel("Workspace name")).toBeDisabled();
  // Forcing the form past the disabled UI: the server action answers with the 404 gate, nothing changes.
  await mp.evaluate(() => {
    const fieldset = document.querySelector("fieldset")!;
    fieldset.disabled = false;
    (document.querySelector("input[name=name]") as HTMLInputElement).value = "Hijacked";
    fieldset.closest("form")!.requestSubmit();
  });
  await expect(mp.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect((await query<{ name: string }>("select name from workspaces where id = $1", [wsId]))[0].name).toBe(owner.workspaceName);
  await mp.goto(`/w/${owner.slug}/settings/identity`);
  await expect(mp.getByRole("button", { name: "Turn on" })).toHaveCount(0);
  await expect(mp.getByRole("button", { name: "Rotate secret" })).toHaveCount(0);
  expect((await mp.goto(`/w/${owner.slug}/settings/audit`))?.status()).toBe(404);
  // Exporting a person's data is for owners and admins too.
  const [person] = await query<{ id: string }>("insert into end_users (workspace_id, anonymous_id) values ($1, 'anon-member-test') returning id", [wsId]);
  expect((await mp.request.get(`/api/w/${owner.slug}/users/export?id=${person.id}`)).status()).toBe(403);
  await mp.goto(`/w/${owner.slug}/users/${person.id}`);
  await expect(mp.getByRole("link", { name: "Export data (JSON)" })).toHaveCount(0);
  await ctx.close();
});
