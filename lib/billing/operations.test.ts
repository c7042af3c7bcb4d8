import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { db } from "@/db";
import { users } from "@/db/schema";
import { createWorkspace } from "@/lib/workspaces/workspaces";
import { startStripeStandIn, STANDIN_PRICES, type StripeStandIn } from "@/e2e/stand-ins/stripe-api";
import { MESSAGES } from "./format";

// The billing operations against the Stripe API stand-in, through the app's own Stripe client.
let standIn: StripeStandIn;
let client: Stripe;
let ops: typeof import("./operations");
let getBillingAccount: typeof import("./accounts").getBillingAccount;

beforeAll(async () => {
  standIn = await startStripeStandIn();
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: "sk_test_standin",
    NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: "pk_test_standin",
    STRIPE_API_HOST: "127.0.0.1",
    STRIPE_API_PORT: String(standIn.port),
    STRIPE_API_PROTOCOL: "http",
    STRIPE_MAX_NETWORK_RETRIES: "0",
    STRIPE_PRICE_PRO: STANDIN_PRICES.pro,
    STRIPE_PRICE_BUSINESS: STANDIN_PRICES.business,
  });
  ops = await import("./operations");
  ({ getBillingAccount } = await import("./accounts"));
  client = new Stripe("sk_test_standin", { host: "127.0.0.1", port: standIn.port, protocol: "http", maxNetworkRetries: 0 });
});

afterAll(async () => standIn?.close());

async function newWorkspace() {
  const [user] = await db.insert(users).values({ email: `ops-${randomUUID()}@example.test` }).returning();
  return db.transaction((tx) => createWorkspace(tx, { name: "Ops Co", ownerId: user.id }));
}

/** What Stripe.js does in the browser: a card PaymentMethod confirmed on the SetupIntent. */
async function confirmInBrowser(setupIntentId: string, token: string) {
  const pm = await client.paymentMethods.attach(token, { customer: (await client.setupIntents.retrieve(setupIntentId)).customer as string });
  return client.setupIntents.confirm(setupIntentId, { payment_method: pm.id });
}

describe("billing operations", () => {
  it("creates one customer and one SetupIntent per idempotency key", async () => {
    const workspace = await newWorkspace();
    const key = randomUUID();
    const [a, b] = await Promise.all([ops.createSetupIntent(workspace, key), ops.createSetupIntent(workspace, key)]);
    expect(a.id).toBe(b.id);
    expect(a.clientSecret).toMatch(/^seti_.+_secret_/);
    const other = await ops.createSetupIntent(workspace, randomUUID());
    expect(other.id).not.toBe(a.id);
    const customer = (await getBillingAccount(workspace.id)).stripeCustomerId;
    expect((await client.setupIntents.retrieve(other.id)).customer).toBe(customer);
  });

  it("stores brand, last 4 and name of a confirmed card and makes it the default", async () => {
    const workspace = await newWorkspace();
    const intent = await ops.createSetupIntent(workspace, randomUUID());
    await expect(ops.confirmPaymentMethod(workspace, intent.id, randomUUID())).rejects.toMatchObject({ status: 409 });
    await confirmInBrowser(intent.id, "pm_card_mastercard");
    expect(await ops.confirmPaymentMethod(workspace, intent.id, randomUUID())).toEqual({ cardBrand: "mastercard", cardLast4: "4444", cardholderName: "Test Cardholder" });
    const account = await getBillingAccount(workspace.id);
    expect(account).toMatchObject({ cardBrand: "mastercard", cardLast4: "4444" });
    const customer = (await client.customers.retrieve(account.stripeCustomerId!)) as Stripe.Customer;
    expect(customer.invoice_settings.default_payment_method).toBeTruthy();
  });

  it("refuses another workspace's SetupIntent like a missing one", async () => {
    const [mine, theirs] = [await newWorkspace(), await newWorkspace()];
    await ops.createSetupIntent(mine, randomUUID());
    const foreign = await ops.createSetupIntent(theirs, randomUUID());
    await confirmInBrowser(foreign.id, "pm_card_visa");
    await expect(ops.confirmPaymentMethod(mine, foreign.id, randomUUID())).rejects.toMatchObject({ status: 404 });
    expect((await getBillingAccount(mine.id)).cardLast4).toBeNull();
  });

  it("subscribes, changes plan, cancels and resumes; a paid plan needs a card", async () => {
    const workspace = await newWorkspace();
    await expect(ops.changePlan(workspace, "pro", randomUUID())).rejects.toMatchObject({ status: 409 });
    await expect(ops.changePlan(workspace, "free", randomUUID())).rejects.toMatchObject({ status: 400 });
    const intent = await ops.createSetupIntent(workspace, randomUUID());
    await confirmInBrowser(intent.id, "pm_card_visa");
    await ops.confirmPaymentMethod(workspace, intent.id, randomUUID());
    // A double click: two concurrent requests with one key make one subscription.
    const key = randomUUID();
    await Promise.all([ops.changePlan(workspace, "pro", key), ops.changePlan(workspace, "pro", key)]);
    const subscribed = await getBillingAccount(workspace.id);
    expect((await client.subscriptions.list({ customer: subscribed.stripeCustomerId! })).data).toHaveLength(1);
    expect(subscribed).toMatchObject({ plan: "pro", status: "active", cancelAtPeriodEnd: false });
    await ops.changePlan(workspace, "business", randomUUID());
    expect(await getBillingAccount(workspace.id)).toMatchObject({ plan: "business", stripeSubscriptionId: subscribed.stripeSubscriptionId });
    await ops.setCancelAtPeriodEnd(workspace, true, randomUUID());
    expect((await getBillingAccount(workspace.id)).cancelAtPeriodEnd).toBe(true);
    await ops.setCancelAtPeriodEnd(workspace, false, randomUUID());
    expect((await getBillingAccount(workspace.id)).cancelAtPeriodEnd).toBe(false);
  });

  it("a card declined on the first charge fails the subscription with the decline message and stores no plan", async () => {
    const workspace = await newWorkspace();
    const intent = await ops.createSetupIntent(workspace, randomUUID());
    await confirmInBrowser(intent.id, "pm_card_chargeCustomerFail");
    await ops.confirmPaymentMethod(workspace, intent.id, randomUUID());
    await expect(ops.changePlan(workspace, "pro", randomUUID())).rejects.toMatchObject({ status: 402, message: MESSAGES.declined });
    expect(await getBillingAccount(workspace.id)).toMatchObject({ plan: "free", stripeSubscriptionId: null, cardLast4: "0341" });
  });

  it("says Stripe is unreachable when it is, and changes nothing", async () => {
    const workspace = await newWorkspace();
    await standIn.close();
    await expect(ops.createSetupIntent(workspace, randomUUID())).rejects.toMatchObject({ status: 503, message: MESSAGES.unreachable });
    expect((await getBillingAccount(workspace.id)).stripeCustomerId).toBeNull();
  });
});
