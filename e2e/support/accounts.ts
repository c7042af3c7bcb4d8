import { expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";

export const PASSWORD = "correct horse battery staple";

export function uniqueEmail(prefix = "admin"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.test`;
}

export type Admin = { email: string; password: string; slug: string; workspaceName: string };

/** Signs up through the real form and returns the new workspace's slug; the page ends signed in. */
export async function signUp(page: Page, opts: { email?: string; workspaceName?: string; invite?: string } = {}): Promise<Admin> {
  const email = opts.email ?? uniqueEmail();
  const workspaceName = opts.workspaceName ?? `Workspace ${randomBytes(3).toString("hex")}`;
  await page.goto(opts.invite ? `/sign-up?invite=${opts.invite}` : "/sign-up");
  await page.getByLabel("Your name").fill("Test Admin");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Workspace name").fill(workspaceName);
  await page.getByRole("button", { name: "Create account and workspace" }).click();
  if (opts.invite) await page.waitForURL(/\/invite\//);
  else await page.waitForURL(/\/w\/[^/]+\/experiences$/);
  const slug = opts.invite ? "" : new URL(page.url()).pathname.split("/")[2];
  return { email, password: PASSWORD, slug, workspaceName };
}

/** Signs in through Auth.js's credentials endpoint (no UI), for tests about something else. */
export async function signInViaApi(page: Page, email: string, password = PASSWORD): Promise<void> {
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const res = await page.request.post("/api/auth/callback/credentials", { form: { email, password, csrfToken } });
  expect(res.ok()).toBe(true);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.endsWith("authjs.session-token"))).toBe(true);
}
