import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import Stripe from "stripe";
import { signUp, type Admin } from "./support/accounts";
import { query } from "./support/db";
import { E2E } from "./support/ports";
import { fillCard, TEST_CVC, TEST_EXPIRY, useStripeJsStandIn } from "./stand-ins/stripe-browser";
import { REAL_STRIPE, stripeServerEnv } from "./stand-ins/stripe-env";
import { formatDay, MESSAGES } from "../lib/billing/format";

// Every card number typed in this file; the last test proves none of them reached Herald.
const CARDS = { visa: "4242 4242 4242 4242", mastercard: "5555 5555 5555 4444", declined: "4000 0000 0000 0002", threeDS: "4000 0027 6000 3184" };

test.beforeEach(async ({ page }) => useStripeJsStandIn(page));

async function billingRow(slug: string) {
  const [row] = await query<{ plan: string; status: string; card_brand: string | null; card_last4: string | null; cardholder_name: string | null; current_period_end: Date | null; cancel_at_period_end: boolean }>(
    "select b.* from billing_accounts b join workspaces w on w.id = b.workspace_id where w.slug = $1",
    [slug],
  );
  return row;
}

/** The page's error message (Next's empty route announcer also has role=alert). */
const shownError = (page: Page) => page.getByRole("alert").filter({ hasText: /\S/ });

async function saveCard(page: Page, name: string, number: string) {
  await page.getByRole("button", { name: "Update payment details" }).click();
  await page.getByLabel("Cardholder name").fill(name);
  await fillCard(page, number);
  await page.getByRole("button", { name: "Save card" }).click();
}

async function openBilling(page: Page): Promise<Admin> {
  const owner = await signUp(page);
  await page.goto(`/w/${owner.slug}/billing`);
  await expect(page.getByTestId("current-plan")).toHaveText("Free");
  return owner;
}

test("an owner adds a card, replaces it, subscribes to Pro, cancels at period end and resumes", async ({ page }) => {
  const owner = await openBilling(page);
  await expect(page.getByTestId("card-on-file")).toHaveText("No card on file.");

  await saveCard(page, "Jane Doe", CARDS.visa);
  await expect(page.getByTestId("card-on-file")).toHaveText("Visa •••• 4242 — Jane Doe");
  await expect(page.getByText("Payment details updated.")).toBeVisible();
  expect(await billingRow(owner.slug)).toMatchObject({ card_brand: "visa", card_last4: "4242", cardholder_name: "Jane Doe" });

  await saveCard(page, "Jane Q. Doe", CARDS.mastercard);
  await expect(page.getByTestId("card-on-file")).toHaveText("Mastercard •••• 4444 — Jane Q. Doe");
  expect(await billingRow(owner.slug)).toMatchObject({ card_brand: "mastercard", card_last4: "4444", cardholder_name: "Jane Q. Doe" });

  await page.getByRole("button", { name: "Choose Pro" }).click();
  await expect(page.getByTestId("current-plan")).toHaveText("Pro");
  await expect(page.getByTestId("plan-status")).toHaveText("Active");
  const subscribed = await billingRow(owner.slug);
  expect(subscribed).toMatchObject({ plan: "pro", status: "active", cancel_at_period_end: false });
  const renewal = formatDay(subscribed.current_period_end!);
  expect(subscribed.current_period_end!.getTime()).toBeGreaterThan(Date.now() + 27 * 86_400_000);
  await expect(page.getByTestId("renewal")).toHaveText(`Renews on ${renewal}.`);

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Cancel at period end" }).click();
  await expect(page.getByTestId("renewal")).toHaveText(`Ends on ${renewal}; the workspace then moves to the Free plan.`);
  await expect(page.getByTestId("current-plan")).toHaveText("Pro");
  expect(await billingRow(owner.slug)).toMatchObject({ plan: "pro", cancel_at_period_end: true });

  await page.getByRole("button", { name: "Resume subscription" }).click();
  await expect(page.getByTestId("renewal")).toHaveText(`Renews on ${renewal}.`);
  expect(await billingRow(owner.slug)).toMatchObject({ cancel_at_period_end: false });
});

test("a declined card shows the decline message and stores nothing; a good card then saves", async ({ page }) => {
  const owner = await openBilling(page);
  await saveCard(page, "Dee Clined", CARDS.declined);
  await expect(shownError(page)).toHaveText(MESSAGES.declined);
  await expect(page.getByTestId("card-on-file")).toHaveText("No card on file.");
  const row = await billingRow(owner.slug);
  expect([row?.card_brand, row?.card_last4, row?.cardholder_name]).toEqual([null, null, null]);

  // The same form, after the decline, saves a good card (the SetupIntent is confirmed again).
  await fillCard(page, CARDS.visa);
  await page.getByRole("button", { name: "Save card" }).click();
  await expect(page.getByTestId("card-on-file")).toHaveText("Visa •••• 4242 — Dee Clined");
  // With a card on file, the paid plans can be chosen.
  await expect(page.getByRole("button", { name: "Choose Pro" })).toBeVisible();
});

test("a 3-D Secure card whose check is not completed says so and stores nothing", async ({ page }) => {
  // Real Stripe shows its own challenge window, which this test does not drive.
  test.skip(REAL_STRIPE, "the stand-in leaves the 3-D Secure challenge unfinished");
  const owner = await openBilling(page);
  await saveCard(page, "Tess Three", CARDS.threeDS);
  await expect(shownError(page)).toHaveText(MESSAGES.authenticationRequired);
  await expect(page.getByTestId("card-on-file")).toHaveText("No card on file.");
  const row = await billingRow(owner.slug);
  expect([row?.card_brand, row?.card_last4, row?.cardholder_name]).toEqual([null, null, null]);
});

test("when Stripe.js cannot be loaded the form says so", async ({ page }) => {
  await openBilling(page);
  await page.unroute("https://js.stripe.com/**");
  await page.route("https://js.stripe.com/**", (route) => route.abort("internetdisconnected"));
  await page.getByRole("button", { name: "Update payment details" }).click();
  await expect(shownError(page)).toHaveText(MESSAGES.unreachable);
});

test("billing routes need an idempotency key, and a repeated key does the work once", async ({ page }) => {
  const owner = await openBilling(page);
  const url = `/api/w/${owner.slug}/billing/setup-intent`;
  const missing = await page.request.post(url, { data: {} });
  expect(missing.status()).toBe(400);
  expect((await missing.json()).error.message).toContain("Idempotency-Key");

  const summary = await page.request.get(`/api/w/${owner.slug}/billing`);
  expect(await summary.json()).toEqual({ plan: { id: "free", name: "Free" }, status: "active", currentPeriodEnd: null, cancelAtPeriodEnd: false, card: null });

  const key = randomUUID();
  const first = await (await page.request.post(url, { data: {}, headers: { "idempotency-key": key } })).json();
  const again = await (await page.request.post(url, { data: { idempotencyKey: key } })).json();
  const other = await (await page.request.post(url, { data: {}, headers: { "idempotency-key": randomUUID() } })).json();
  expect(first.id).toMatch(/^seti_/);
  expect(again.id).toBe(first.id);
  expect(other.id).not.toBe(first.id);
  const customer = await (await page.request.post(`/api/w/${owner.slug}/billing/customer`, { data: {}, headers: { "idempotency-key": randomUUID() } })).json();
  expect(customer.customerId).toMatch(/^cus_/);
  const customers = await query("select stripe_customer_id from billing_accounts b join workspaces w on w.id = b.workspace_id where w.slug = $1", [owner.slug]);
  expect(customers).toEqual([{ stripe_customer_id: customer.customerId }]);

  const noCard = await page.request.post(`/api/w/${owner.slug}/billing/subscription`, { data: { plan: "pro" }, headers: { "idempotency-key": randomUUID() } });
  expect(noCard.status()).toBe(409);
  const badPlan = await page.request.post(`/api/w/${owner.slug}/billing/subscription`, { data: { plan: "gold" }, headers: { "idempotency-key": randomUUID() } });
  expect(badPlan.status()).toBe(400);
  const badBody = await page.request.patch(`/api/w/${owner.slug}/billing/subscription`, { data: { cancelAtPeriodEnd: "yes" }, headers: { "idempotency-key": randomUUID() } });
  expect(badBody.status()).toBe(400);
});

test("a member sees the plan but no payment controls, and the billing API answers 403", async ({ page, browser }) => {
  const owner = await openBilling(page);
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await useStripeJsStandIn(memberPage);
  const member = await signUp(memberPage);
  // Seeded directly: the invitation flow has its own tests.
  await query(
    `insert into memberships (workspace_id, user_id, role)
     select w.id, u.id, 'member' from workspaces w, users u where w.slug = $1 and u.email = $2`,
    [owner.slug, member.email],
  );
  await memberPage.goto(`/w/${owner.slug}/billing`);
  await expect(memberPage.getByTestId("current-plan")).toHaveText("Free");
  await expect(memberPage.getByText("Only owners and admins can see and change payment details.")).toBeVisible();
  await expect(memberPage.getByRole("button", { name: "Update payment details" })).toHaveCount(0);
  await expect(memberPage.getByRole("button", { name: /Choose|Cancel at period end/ })).toHaveCount(0);

  const base = `/api/w/${owner.slug}/billing`;
  const headers = { "idempotency-key": randomUUID() };
  expect((await memberPage.request.get(base)).status()).toBe(403);
  expect((await memberPage.request.post(`${base}/setup-intent`, { data: {}, headers })).status()).toBe(403);
  expect((await memberPage.request.post(`${base}/payment-method`, { data: { setupIntentId: "seti_123" }, headers })).status()).toBe(403);
  expect((await memberPage.request.post(`${base}/subscription`, { data: { plan: "pro" }, headers })).status()).toBe(403);
  expect((await memberPage.request.patch(`${base}/subscription`, { data: { cancelAtPeriodEnd: true }, headers })).status()).toBe(403);
  expect((await memberPage.request.post(`${base}/customer`, { data: {}, headers })).status()).toBe(403);
  expect(await query("select 1 from billing_accounts b join workspaces w on w.id = b.workspace_id where w.slug = $1", [owner.slug])).toHaveLength(0);
  await memberContext.close();
});

test("a workspace over its plan's limits is told what to do", async ({ page }) => {
  const owner = await openBilling(page);
  await query(
    `insert into experiences (workspace_id, type, name, status, content)
     select w.id, 'banner', 'Banner ' || n, 'live', '{}'::jsonb from workspaces w, generate_series(1, 4) n where w.slug = $1`,
    [owner.slug],
  );
  await page.reload();
  await expect(shownError(page)).toHaveText(
    "This workspace is over the Free plan's limit of 3 live experiences. Choose the Pro plan below, or pause experiences you no longer need.",
  );
});

test("the webhook endpoint refuses a bad signature and applies a signed event once", async ({ request }) => {
  const secret = process.env.STRIPE_WEBHOOK_SECRET ?? stripeServerEnv().STRIPE_WEBHOOK_SECRET;
  test.skip(!secret, "STRIPE_WEBHOOK_SECRET is needed to sign test events");
  const id = `evt_e2e_${randomUUID().replace(/-/g, "")}`;
  const payload = JSON.stringify({ id, object: "event", type: "charge.refunded", created: Math.floor(Date.now() / 1000), livemode: false, data: { object: { id: "ch_e2e", object: "charge" } } });
  const post = (signature: string) => request.post("/api/stripe/webhook", { data: payload, headers: { "content-type": "application/json", "stripe-signature": signature } });

  const forged = await post(Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_not_the_secret" }));
  expect(forged.status()).toBe(400);
  expect(await query("select 1 from stripe_events where id = $1", [id])).toHaveLength(0);

  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  expect((await post(signature)).status()).toBe(200);
  const replay = await post(signature);
  expect(replay.status()).toBe(200);
  expect((await replay.json()).message).toContain("already processed");
  expect(await query("select 1 from stripe_events where id = $1", [id])).toHaveLength(1);
});

test("after the billing tests, the database and the server log hold no card number, CVC or expiry", async () => {
  const tables = await query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
  );
  let dump = "";
  for (const { name } of tables) {
    const rows = await query<{ j: string }>(`select row_to_json(t)::text as j from "${name}" t`);
    dump += rows.map((r) => r.j).join("\n") + "\n";
  }
  const log = readFileSync(E2E.serverLog, "utf8");
  expect(log, "the server log was captured").toContain("Ready");
  // Only brand, last 4 and cardholder name are kept: the dump has them, so it covers billing.
  expect(dump.includes('"card_last4":"4444"'), "the dump covers billing_accounts").toBe(true);
  expect(dump.includes('"cardholder_name":"Jane Q. Doe"'), "the dump covers billing_accounts").toBe(true);
  const columns = await query<{ column_name: string }>("select column_name from information_schema.columns where table_name = 'billing_accounts' and column_name like '%card%'");
  expect(columns.map((c) => c.column_name).sort()).toEqual(["card_brand", "card_last4", "cardholder_name"]);

  const standalone = (s: string) => new RegExp(`(?<![\\w.-])${s}(?![\\w-])`);
  for (const [label, text] of [["database", dump], ["server log", log]] as const) {
    for (const number of Object.values(CARDS)) {
      expect(text.includes(number) || text.includes(number.replace(/ /g, "")), `${label} holds ${number}`).toBe(false);
    }
    expect(text.includes(TEST_EXPIRY.typed) || text.includes(TEST_EXPIRY.typed.replace(/ /g, "")), `${label} holds the expiry`).toBe(false);
    expect(standalone(TEST_EXPIRY.year).test(text), `${label} holds the expiry year`).toBe(false);
    expect(standalone(TEST_CVC).test(text), `${label} holds the CVC`).toBe(false);
    expect(/exp_month|exp_year|"cvc"|card\[number\]/.test(text), `${label} names card fields`).toBe(false);
  }
});
