import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signUp } from "./support/accounts";
import { query } from "./support/db";

// Tenancy: another workspace's billing can be neither read nor changed; it answers 404 like a
// workspace that does not exist.
test("another workspace's billing answers 404 on the page and every billing route", async ({ page, browser }) => {
  const victim = await signUp(page);
  const victimIntent = await (await page.request.post(`/api/w/${victim.slug}/billing/setup-intent`, { data: {}, headers: { "idempotency-key": randomUUID() } })).json();
  expect(victimIntent.id).toMatch(/^seti_/);

  const context = await browser.newContext();
  const attacker = await context.newPage();
  const mine = await signUp(attacker);
  const base = `/api/w/${victim.slug}/billing`;
  const headers = { "idempotency-key": randomUUID() };
  expect((await attacker.request.get(base)).status()).toBe(404);
  expect((await attacker.request.post(`${base}/customer`, { data: {}, headers })).status()).toBe(404);
  expect((await attacker.request.post(`${base}/setup-intent`, { data: {}, headers })).status()).toBe(404);
  expect((await attacker.request.post(`${base}/payment-method`, { data: { setupIntentId: victimIntent.id }, headers })).status()).toBe(404);
  expect((await attacker.request.post(`${base}/subscription`, { data: { plan: "pro" }, headers })).status()).toBe(404);
  expect((await attacker.request.patch(`${base}/subscription`, { data: { cancelAtPeriodEnd: true }, headers })).status()).toBe(404);
  const pageRes = await attacker.goto(`/w/${victim.slug}/billing`);
  expect(pageRes?.status()).toBe(404);

  // Nor can the victim's SetupIntent be attached to the attacker's own workspace.
  await attacker.request.post(`/api/w/${mine.slug}/billing/setup-intent`, { data: {}, headers: { "idempotency-key": randomUUID() } });
  const stolen = await attacker.request.post(`/api/w/${mine.slug}/billing/payment-method`, { data: { setupIntentId: victimIntent.id }, headers: { "idempotency-key": randomUUID() } });
  expect(stolen.status()).toBe(404);
  const [row] = await query<{ card_last4: string | null }>("select card_last4 from billing_accounts b join workspaces w on w.id = b.workspace_id where w.slug = $1", [mine.slug]);
  expect(row.card_last4).toBeNull();
  await context.close();
});
