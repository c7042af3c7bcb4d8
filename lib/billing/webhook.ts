import "server-only";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { db } from "@/db";
import { stripeEvents } from "@/db/schema";
import { findWorkspaceIdByCustomer, lockBillingAccount, saveFacts } from "./accounts";
import { billingConfig } from "./config";
import { cardFacts, customerId, isEnded, subscriptionFacts, type CardFacts, type SubscriptionFacts } from "./stripe-state";
import { stripe } from "./stripe-client";

// Stripe webhooks: verified on the raw body, a fixed list of events, each re-fetched from the API
// (the event's copy may be stale), applied together with its id in stripe_events so a replay is a no-op.

export type WebhookResult = { status: number; message: string };

export const MAX_WEBHOOK_BYTES = 512 * 1024;

const SUBSCRIPTION_EVENTS = new Set(["customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted"]);
const INVOICE_EVENTS = new Set(["invoice.paid", "invoice.payment_failed"]);
const CARD_EVENTS = new Set(["setup_intent.succeeded", "payment_method.attached", "customer.updated"]);

/** What Stripe says now about the object behind an event. */
type Fresh = { customer: string; subscription?: Stripe.Subscription; card?: CardFacts };

function subscriptionIdOf(event: Stripe.Event): string | undefined {
  const object = event.data.object as { id?: string; object?: string; parent?: Stripe.Invoice["parent"] };
  if (object.object === "subscription") return object.id;
  const ref = object.parent?.subscription_details?.subscription;
  return typeof ref === "string" ? ref : ref?.id;
}

function customerOf(event: Stripe.Event): string | null {
  const object = event.data.object as { id: string; object: string; customer?: Stripe.Customer | string | null };
  return object.object === "customer" ? object.id : customerId(object.customer ?? null);
}

async function fetchFresh(event: Stripe.Event): Promise<Fresh | undefined> {
  if (SUBSCRIPTION_EVENTS.has(event.type) || INVOICE_EVENTS.has(event.type)) {
    const id = subscriptionIdOf(event);
    if (!id) return undefined;
    const subscription = await stripe().subscriptions.retrieve(id);
    return { customer: customerId(subscription.customer)!, subscription };
  }
  const customer = customerOf(event);
  if (!customer) return undefined;
  const fresh = await stripe().customers.retrieve(customer, { expand: ["invoice_settings.default_payment_method"] });
  const pm = "deleted" in fresh && fresh.deleted ? null : (fresh as Stripe.Customer).invoice_settings.default_payment_method;
  return { customer, card: cardFacts(pm) };
}

/** An ended subscription that is not the workspace's current one (e.g. replaced) must not reset the plan. */
function factsFor(fresh: Fresh, currentSubscriptionId: string | null): Partial<SubscriptionFacts & CardFacts> | undefined {
  if (fresh.card) return fresh.card;
  const sub = fresh.subscription!;
  if (isEnded(sub) && currentSubscriptionId !== sub.id) return undefined;
  return subscriptionFacts(sub);
}

export async function handleStripeWebhook(payload: string, signature: string | null): Promise<WebhookResult> {
  const config = billingConfig().stripe;
  if (!config.enabled || !config.webhookSecret) return { status: 503, message: "Billing webhooks are not configured on this installation." };
  if (Buffer.byteLength(payload) > MAX_WEBHOOK_BYTES) return { status: 413, message: `Payload is larger than ${MAX_WEBHOOK_BYTES} bytes.` };
  if (!signature) return { status: 400, message: "Missing Stripe-Signature header." };
  let event: Stripe.Event;
  try {
    event = stripe().webhooks.constructEvent(payload, signature, config.webhookSecret);
  } catch {
    return { status: 400, message: "Invalid Stripe signature." };
  }

  const [seen] = await db.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, event.id));
  if (seen) return { status: 200, message: `Event ${event.id} was already processed.` };
  const handled = SUBSCRIPTION_EVENTS.has(event.type) || INVOICE_EVENTS.has(event.type) || CARD_EVENTS.has(event.type);
  // Network first, transaction after: no row lock is held while Stripe answers. A Stripe failure
  // answers 500 so that Stripe retries the delivery later.
  let fresh: Fresh | undefined;
  try {
    fresh = handled ? await fetchFresh(event) : undefined;
  } catch (error) {
    // A deleted object is acknowledged (nothing to sync); anything else is retried by Stripe.
    if ((error as { statusCode?: number }).statusCode !== 404) {
      console.warn(`Stripe webhook ${event.id} (${event.type}): could not re-read its object from Stripe; Stripe will retry.`);
      return { status: 503, message: "Stripe could not be reached to re-read the event's object; retry later." };
    }
  }
  const workspaceId = fresh && (await findWorkspaceIdByCustomer(db, fresh.customer));

  return db.transaction(async (tx) => {
    const inserted = await tx.insert(stripeEvents).values({ id: event.id, type: event.type }).onConflictDoNothing().returning();
    if (inserted.length === 0) return { status: 200, message: `Event ${event.id} was already processed.` };
    if (!handled) return { status: 200, message: `Event type ${event.type} is not used by Herald.` };
    if (!fresh || !workspaceId) return { status: 200, message: "No Herald workspace uses this Stripe customer." };
    const account = await lockBillingAccount(tx, workspaceId);
    if (!account) return { status: 200, message: "No Herald workspace uses this Stripe customer." };
    const at = new Date(event.created * 1000);
    if (account.stripeStateAt && at < account.stripeStateAt) {
      return { status: 200, message: "Event is older than the state already applied; nothing changed." };
    }
    const facts = factsFor(fresh, account.stripeSubscriptionId);
    if (!facts) return { status: 200, message: "Event does not concern the workspace's current subscription or plans." };
    await saveFacts(tx, workspaceId, facts, at);
    return { status: 200, message: `Applied ${event.type}.` };
  });
}
