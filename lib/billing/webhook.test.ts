import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { db } from "@/db";
import { billingAccounts, stripeEvents, users } from "@/db/schema";
import { createWorkspace } from "@/lib/workspaces/workspaces";
import { startStripeStandIn, STANDIN_PRICES, type StripeStandIn } from "@/e2e/stand-ins/stripe-api";

// Real signatures (generateTestHeaderString with the configured secret) and a real Stripe client
// pointed at the local stand-in, started here.
const SECRET = "whsec_test_webhook_secret_for_vitest";
let standIn: StripeStandIn;
let client: Stripe;
let handleStripeWebhook: typeof import("./webhook").handleStripeWebhook;

beforeAll(async () => {
  standIn = await startStripeStandIn();
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: "sk_test_standin",
    NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: "pk_test_standin",
    STRIPE_WEBHOOK_SECRET: SECRET,
    STRIPE_API_HOST: "127.0.0.1",
    STRIPE_API_PORT: String(standIn.port),
    STRIPE_API_PROTOCOL: "http",
    STRIPE_PRICE_PRO: STANDIN_PRICES.pro,
    STRIPE_PRICE_BUSINESS: STANDIN_PRICES.business,
  });
  ({ handleStripeWebhook } = await import("./webhook"));
  client = new Stripe("sk_test_standin", { host: "127.0.0.1", port: standIn.port, protocol: "http", maxNetworkRetries: 0 });
});

afterAll(async () => standIn?.close());

let counter = 0;
function event(type: string, object: unknown, created: number) {
  const payload = JSON.stringify({
    id: `evt_test_${Date.now()}_${counter++}`,
    object: "event",
    type,
    created,
    api_version: "2026-10-28.endive",
    livemode: false,
    data: { object },
  });
  return { payload, signature: client.webhooks.generateTestHeaderString({ payload, secret: SECRET }) };
}

/** A workspace with a Stripe customer (Visa on file) and a Pro subscription in the stand-in. */
async function workspaceWithSubscription() {
  const [user] = await db.insert(users).values({ email: `billing-${crypto.randomUUID()}@example.test` }).returning();
  const workspace = await db.transaction((tx) => createWorkspace(tx, { name: "Billing Co", ownerId: user.id }));
  const customer = await client.customers.create({ name: workspace.name, metadata: { workspace_id: workspace.id } });
  const pm = await client.paymentMethods.attach("pm_card_visa", { customer: customer.id });
  await client.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });
  const sub = await client.subscriptions.create({ customer: customer.id, items: [{ price: STANDIN_PRICES.pro }] });
  await db.insert(billingAccounts).values({ workspaceId: workspace.id, stripeCustomerId: customer.id });
  return { workspace, customer, sub };
}

async function account(workspaceId: string) {
  const [row] = await db.select().from(billingAccounts).where(eq(billingAccounts.workspaceId, workspaceId));
  return row;
}

async function eventCount(id: string) {
  return (await db.select().from(stripeEvents).where(eq(stripeEvents.id, id))).length;
}

const seconds = () => Math.floor(Date.now() / 1000);

describe("Stripe webhook", () => {
  it("refuses a bad or missing signature with 400 and stores nothing", async () => {
    const { workspace, sub } = await workspaceWithSubscription();
    const good = event("customer.subscription.created", sub, seconds());
    const forged = client.webhooks.generateTestHeaderString({ payload: good.payload, secret: "whsec_wrong" });
    expect(await handleStripeWebhook(good.payload, forged)).toMatchObject({ status: 400 });
    expect(await handleStripeWebhook(good.payload, null)).toMatchObject({ status: 400 });
    expect(await handleStripeWebhook(good.payload.replace('"livemode":false', '"livemode":true'), good.signature)).toMatchObject({ status: 400 });
    const id = JSON.parse(good.payload).id;
    expect(await eventCount(id)).toBe(0);
    expect((await account(workspace.id)).plan).toBe("free");
    expect((await account(workspace.id)).stripeSubscriptionId).toBeNull();
  });

  it("applies an event once: a replay is stored once and changes nothing", async () => {
    const { workspace, sub } = await workspaceWithSubscription();
    const e = event("customer.subscription.created", sub, seconds());
    expect(await handleStripeWebhook(e.payload, e.signature)).toEqual({ status: 200, message: "Applied customer.subscription.created." });
    const applied = await account(workspace.id);
    expect(applied).toMatchObject({ plan: "pro", status: "active", stripeSubscriptionId: sub.id, cancelAtPeriodEnd: false });
    expect(applied.currentPeriodEnd?.getTime()).toBe(sub.items.data[0].current_period_end * 1000);

    // Stripe's state moves on; replaying the old delivery must not pick that up.
    await client.subscriptions.update(sub.id, { cancel_at_period_end: true });
    const replay = await handleStripeWebhook(e.payload, e.signature);
    expect(replay).toMatchObject({ status: 200, message: expect.stringContaining("already processed") });
    expect(await eventCount(JSON.parse(e.payload).id)).toBe(1);
    expect(await account(workspace.id)).toEqual(applied);
  });

  it("ends in Stripe's newest state when updated arrives before created", async () => {
    const { workspace, sub } = await workspaceWithSubscription();
    const createdEvent = event("customer.subscription.created", sub, seconds() - 60);
    const changed = await client.subscriptions.update(sub.id, {
      items: [{ id: sub.items.data[0].id, price: STANDIN_PRICES.business }],
      cancel_at_period_end: true,
    });
    const updatedEvent = event("customer.subscription.updated", changed, seconds());
    expect((await handleStripeWebhook(updatedEvent.payload, updatedEvent.signature)).status).toBe(200);
    const late = await handleStripeWebhook(createdEvent.payload, createdEvent.signature);
    expect(late).toEqual({ status: 200, message: "Event is older than the state already applied; nothing changed." });
    const row = await account(workspace.id);
    expect(row).toMatchObject({ plan: "business", cancelAtPeriodEnd: true, status: "active", stripeSubscriptionId: sub.id });
    expect(row.stripeStateAt?.getTime()).toBe(JSON.parse(updatedEvent.payload).created * 1000);
    expect(await eventCount(JSON.parse(createdEvent.payload).id)).toBe(1);
  });

  it("re-reads the object from Stripe rather than trusting the event's copy", async () => {
    const { workspace, sub } = await workspaceWithSubscription();
    // A forged-looking but validly signed payload claims business; Stripe says pro.
    const tampered = { ...sub, items: { ...sub.items, data: [{ ...sub.items.data[0], price: { id: STANDIN_PRICES.business } }] } };
    const e = event("customer.subscription.updated", tampered, seconds());
    await handleStripeWebhook(e.payload, e.signature);
    expect((await account(workspace.id)).plan).toBe("pro");
  });

  it("a deleted subscription returns the workspace to the free plan", async () => {
    const { workspace, sub } = await workspaceWithSubscription();
    const created = event("customer.subscription.created", sub, seconds() - 10);
    await handleStripeWebhook(created.payload, created.signature);
    const canceled = await client.subscriptions.cancel(sub.id);
    const deleted = event("customer.subscription.deleted", canceled, seconds());
    expect(await handleStripeWebhook(deleted.payload, deleted.signature)).toMatchObject({ status: 200 });
    expect(await account(workspace.id)).toMatchObject({ plan: "free", status: "active", stripeSubscriptionId: null, currentPeriodEnd: null });
  });

  it("syncs the default card's brand, last 4 and cardholder name, and nothing else", async () => {
    const { workspace, customer } = await workspaceWithSubscription();
    const e = event("customer.updated", customer, seconds());
    expect(await handleStripeWebhook(e.payload, e.signature)).toEqual({ status: 200, message: "Applied customer.updated." });
    expect(await account(workspace.id)).toMatchObject({ cardBrand: "visa", cardLast4: "4242", cardholderName: "Test Cardholder", plan: "free" });
  });

  it("invoice and payment-method events re-sync the subscription and the card they point at", async () => {
    const { workspace, customer, sub } = await workspaceWithSubscription();
    const invoice = { id: "in_test", object: "invoice", customer: customer.id, parent: { type: "subscription_details", subscription_details: { subscription: sub.id, metadata: {} } } };
    const paid = event("invoice.paid", invoice, seconds());
    expect(await handleStripeWebhook(paid.payload, paid.signature)).toEqual({ status: 200, message: "Applied invoice.paid." });
    expect(await account(workspace.id)).toMatchObject({ plan: "pro", stripeSubscriptionId: sub.id, cardLast4: null });
    const pm = ((await client.customers.retrieve(customer.id, { expand: ["invoice_settings.default_payment_method"] })) as Stripe.Customer).invoice_settings.default_payment_method;
    const attached = event("payment_method.attached", pm, seconds());
    expect(await handleStripeWebhook(attached.payload, attached.signature)).toEqual({ status: 200, message: "Applied payment_method.attached." });
    expect(await account(workspace.id)).toMatchObject({ plan: "pro", cardBrand: "visa", cardLast4: "4242" });
  });

  it("acknowledges events it does not use and customers it does not know", async () => {
    const other = event("charge.refunded", { id: "ch_1", object: "charge" }, seconds());
    expect(await handleStripeWebhook(other.payload, other.signature)).toMatchObject({ status: 200, message: expect.stringContaining("not used") });
    const stranger = await client.customers.create({ name: "Not ours" });
    const e = event("customer.updated", stranger, seconds());
    expect(await handleStripeWebhook(e.payload, e.signature)).toMatchObject({ status: 200, message: expect.stringContaining("No Herald workspace") });
  });
});
