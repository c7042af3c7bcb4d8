import { expect, test } from "@playwright/test";
import { PASSWORD, signInViaApi, signUp, uniqueEmail } from "./support/accounts";
import { query } from "./support/db";
import { firstLink, latestMail } from "./support/mailbox";

test("sign-up creates a workspace and lands in the dashboard shell", async ({ page }) => {
  const admin = await signUp(page, { workspaceName: "Orbit Labs" });
  expect(admin.slug).toMatch(/^orbit-labs/);
  const sections = page.getByRole("navigation", { name: "Workspace sections" }).first();
  for (const label of ["Experiences", "Segments", "Surveys", "Users", "Changelog", "Settings", "Billing"]) {
    await expect(sections.getByRole("link", { name: label })).toBeVisible();
  }
  await sections.getByRole("link", { name: "Segments" }).click();
  await expect(page.getByRole("heading", { name: "Segments", exact: true })).toBeVisible();
  const [ws] = await query<{ public_key: string; role: string }>(
    `select w.public_key, m.role from workspaces w join memberships m on m.workspace_id = w.id
     join users u on u.id = m.user_id where u.email = $1`, [admin.email]);
  expect(ws.role).toBe("owner");
  expect(ws.public_key).toMatch(/^pk_/);

  // The session cookie is HttpOnly and SameSite=Lax.
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
});

test("sign-out, then signed-out users are sent to sign-in and back afterwards", async ({ page }) => {
  const admin = await signUp(page);
  await page.locator("summary", { hasText: "Account menu" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);
  await page.goto(`/w/${admin.slug}/segments`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fw%2F/);
  await page.getByLabel("Email", { exact: true }).fill(admin.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(new RegExp(`/w/${admin.slug}/segments$`));
});

test("wrong password and unknown email show clear errors", async ({ page }) => {
  const admin = await signUp(page);
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(admin.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong password.")).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(uniqueEmail("nobody"));
  await page.getByLabel("Password").fill("whatever");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("No account uses this email.")).toBeVisible();
});

test("bad sign-up input gets messages on the form and creates nothing", async ({ page }) => {
  const taken = await signUp(page);
  await page.context().clearCookies();
  const before = await query<{ n: string }>("select count(*) as n from users");
  await page.goto("/sign-up");
  await page.getByRole("button", { name: "Create account and workspace" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(page.getByText("Enter your email address.")).toBeVisible();

  await page.getByLabel("Your name").fill("x".repeat(101));
  await page.getByLabel("Work email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByLabel("Workspace name").fill("y".repeat(81));
  await page.getByRole("button", { name: "Create account and workspace" }).click();
  await expect(page.getByText("Use at most 100 characters for your name.")).toBeVisible();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await expect(page.getByText("Use at most 80 characters for the workspace name.")).toBeVisible();

  await page.getByLabel("Your name").fill("Dup");
  await page.getByLabel("Work email").fill(taken.email.toUpperCase());
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Workspace name").fill("Dup Co");
  await page.getByRole("button", { name: "Create account and workspace" }).click();
  await expect(page.getByText("An account with this email already exists.")).toBeVisible();

  const after = await query<{ n: string }>("select count(*) as n from users");
  expect(after[0].n).toBe(before[0].n);
  expect(await query("select 1 from workspaces where name = 'Dup Co'")).toHaveLength(0);
});

test("magic-link sign-in through the local SMTP server", async ({ page }) => {
  const admin = await signUp(page);
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email for a sign-in link").fill(admin.email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.waitForURL(/\/sign-in\/check-email/);
  const mail = await latestMail(admin.email);
  const link = firstLink(mail.text);
  expect(link).toContain("/api/auth/callback/nodemailer");
  await page.goto(link);
  await page.waitForURL(new RegExp(`/w/${admin.slug}/experiences$`));
  await expect(page.getByRole("navigation", { name: "Workspace sections" }).first()).toBeVisible();
});

test("an invited member joins and sees the workspace", async ({ page, browser }) => {
  const owner = await signUp(page, { workspaceName: "Inviting Co" });
  await page.goto(`/w/${owner.slug}/settings/members`);
  const inviteeEmail = uniqueEmail("invitee");
  await page.getByLabel("Email").fill(inviteeEmail);
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText(`Invitation sent to ${inviteeEmail}`)).toBeVisible();
  const link = firstLink((await latestMail(inviteeEmail)).text);

  const invitee = await browser.newContext();
  const p2 = await invitee.newPage();
  await p2.goto(link);
  await expect(p2.getByRole("heading", { name: "Join Inviting Co" })).toBeVisible();
  await p2.getByRole("link", { name: "Create an account" }).click();
  await signUp(p2, { email: inviteeEmail, invite: new URL(link).pathname.split("/").pop() });
  await p2.getByRole("button", { name: "Join Inviting Co" }).click();
  await p2.waitForURL(new RegExp(`/w/${owner.slug}/experiences$`));
  const [m] = await query<{ role: string }>(
    `select m.role from memberships m join users u on u.id = m.user_id join workspaces w on w.id = m.workspace_id
     where u.email = $1 and w.slug = $2`, [inviteeEmail, owner.slug]);
  expect(m.role).toBe("member");
  // The link works once.
  await p2.goto(link);
  await expect(p2.getByRole("heading", { name: "This invitation is no longer valid" })).toBeVisible();
  await invitee.close();
});

test("a member of workspace A gets 404 for any URL of workspace B", async ({ page, browser }) => {
  const b = await signUp(page, { workspaceName: "Workspace B" });
  const other = await browser.newContext();
  const pa = await other.newPage();
  const a = await signUp(pa, { workspaceName: "Workspace A" });
  expect(a.slug).not.toBe(b.slug);
  for (const path of ["", "/experiences", "/segments", "/surveys", "/users", "/changelog", "/settings", "/settings/members", "/billing"]) {
    const res = await pa.goto(`/w/${b.slug}${path}`);
    expect(res?.status(), path).toBe(404);
    await expect(pa.getByText("Workspace B")).toHaveCount(0);
  }
  // Same answer for a workspace that does not exist: nothing leaks.
  expect((await pa.goto("/w/no-such-workspace/experiences"))?.status()).toBe(404);
  await other.close();
  // signInViaApi works for fixtures elsewhere.
  const ctx = await browser.newContext();
  const p3 = await ctx.newPage();
  await signInViaApi(p3, b.email);
  expect((await p3.goto(`/w/${b.slug}/experiences`))?.status()).toBe(200);
  await ctx.close();
});
