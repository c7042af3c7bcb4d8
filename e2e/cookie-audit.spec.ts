import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { existsSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { COOKIE_REGISTRY } from "../lib/cookies";
import { auditBrowserState, type CollectedStorageKey } from "../lib/cookies-audit";
import { PASSWORD, signUp } from "./support/accounts";
import { query } from "./support/db";
import { E2E } from "./support/ports";

// Walks the product like a person would and fails on any cookie or browser-storage key that is not in
// lib/cookies.ts, or whose attributes or lifetime differ from it (DESIGN.md §4.4).

const storage: CollectedStorageKey[] = [];

/** Records the localStorage and sessionStorage keys of every open page (sessionStorage dies with its tab). */
async function collect(context: BrowserContext) {
  for (const p of context.pages()) {
    if (p.url().startsWith("about:")) continue;
    const found = await p.evaluate(() => ({ origin: location.origin, local: Object.keys(localStorage), session: Object.keys(sessionStorage) }));
    for (const key of found.local) storage.push({ kind: "localStorage", key, origin: found.origin });
    for (const key of found.session) storage.push({ kind: "sessionStorage", key, origin: found.origin });
  }
}

async function visit(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBeLessThan(500);
  await page.waitForLoadState("networkidle");
  await collect(page.context());
}

/** A customer's page that embeds the SDK, on another origin (served only while this test runs). */
async function hostPage(publicKey: string): Promise<{ url: string; close: () => Promise<void> }> {
  const html = `<!doctype html><html lang="en"><head><title>Customer app</title></head><body><h1>Customer app</h1>
<script src="${E2E.appUrl}/sdk.js"></script>
<script>window.herald.init({ key: ${JSON.stringify(publicKey)} });</script></body></html>`;
  const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test("every cookie and storage key Herald sets is registered, with the registered attributes", async ({ page }) => {
  test.setTimeout(120_000);
  const context = page.context();

  await visit(page, "/");
  const admin = await signUp(page);
  await collect(context);
  for (const section of ["experiences", "segments", "surveys", "users", "changelog", "settings", "settings/members", "billing"]) {
    await visit(page, `/w/${admin.slug}/${section}`);
  }
  for (const path of ["/cookie-policy", "/privacy", "/terms", "/data"]) await visit(page, path);

  await page.goto(`/w/${admin.slug}/experiences`);
  await page.locator("summary", { hasText: "Account menu" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);
  await collect(context);
  await page.goto(`/w/${admin.slug}/segments`);
  await page.getByLabel("Email", { exact: true }).fill(admin.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(new RegExp(`/w/${admin.slug}/segments$`));
  await collect(context);

  // The public changelog portal, once it is in the tree.
  if (existsSync("app/changelog")) {
    await visit(page, `/changelog/${admin.slug}`);
    const reaction = page.getByRole("button", { name: /react|like|👍|❤|🎉/i }).first();
    if (await reaction.count()) {
      await reaction.click();
      await page.waitForLoadState("networkidle");
      await collect(context);
    }
  }

  // The SDK on a customer's page, once it is built (public/sdk.js from sdk/).
  if (existsSync("public/sdk.js")) {
    const [{ public_key }] = await query<{ public_key: string }>("select public_key from workspaces where slug = $1", [admin.slug]);
    const host = await hostPage(public_key);
    try {
      const customer = await context.newPage();
      await customer.goto(host.url);
      await expect.poll(() => customer.evaluate(() => localStorage.getItem("herald.anonymousId")), { timeout: 10_000 }).toBeTruthy();
      await customer.waitForLoadState("networkidle");
      await collect(context);
      await customer.close();
    } finally {
      await host.close();
    }
  }

  // localStorage of every origin the context visited, including pages already closed.
  for (const origin of (await context.storageState()).origins) {
    for (const { name } of origin.localStorage) storage.push({ kind: "localStorage", key: name, origin: origin.origin });
  }
  const cookies = await context.cookies();
  expect(cookies.some((c) => c.name === "authjs.session-token")).toBe(true); // the walk really signed in
  const https = E2E.appUrl.startsWith("https:");
  expect(auditBrowserState({ cookies, storage }, { https })).toEqual([]);

  // The same collection does catch a stray cookie or storage key (so the check above can fail).
  await context.addCookies([{ name: "_tracker", value: "1", url: E2E.appUrl }]);
  await page.evaluate(() => localStorage.setItem("tracker.id", "1"));
  await collect(context);
  const planted = auditBrowserState({ cookies: await context.cookies(), storage }, { https });
  expect(planted.map((v) => `${v.kind}:${v.name}`).sort()).toEqual(["cookie:_tracker", "localStorage:tracker.id"]);
});

test("the cookie policy renders the whole registry; legal pages mark unset operator details and are accessible", async ({ page }) => {
  await page.goto("/");
  const legal = page.getByRole("navigation", { name: "Legal" });
  await legal.getByRole("link", { name: "Cookie policy" }).click();
  await expect(page.getByRole("heading", { name: "Cookie policy", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No consent banner, and why" })).toBeVisible();
  const table = page.getByRole("table", { name: "Cookies and browser-storage keys set by Herald" });
  await expect(table.getByRole("row")).toHaveCount(COOKIE_REGISTRY.length + 1);
  for (const e of COOKIE_REGISTRY) await expect(table.getByRole("rowheader", { name: new RegExp(`^${e.name.replace(/\./g, "\\.")}`) })).toBeVisible();

  // The e2e server sets no HERALD_OPERATOR_*: every page says so and shows marked placeholders.
  for (const [link, heading] of [["Privacy", "Privacy policy"], ["Terms", "Terms of service"], ["What we collect", "What we collect"]]) {
    await legal.getByRole("link", { name: link, exact: true }).click();
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("HERALD_OPERATOR_NAME");
    await expect(page.getByText("[contact email — set HERALD_OPERATOR_EMAIL]").first()).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id), link).toEqual([]);
  }
  await page.goto("/cookie-policy");
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
});
