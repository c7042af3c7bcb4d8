import "server-only";
import { z } from "zod";
import { db } from "@/db";
import { getBillingAccount, saveCustomerId, saveFacts } from "./accounts";
import { findPlan } from "./config";
import { BillingError, toBillingError } from "./errors";
import { cardFacts, customerId, isEnded, subscriptionFacts, type CardFacts } from "./stripe-state";
import { stripe } from "./stripe-client";

// What owners and admins do from the billing page. Every call to Stripe carries an idempotency key
// derived from the browser's key, the workspace and the operation: a double click does one thing.

type Workspace = { id: string; name: string };

export const ZIdempotencyKey = z
  .string()
  .trim()
  .min(8, "The idempotency key is too short.")
  .max(100, "The idempotency key is too long.")
  .regex(/^[A-Za-z0-9_:-]+$/, "The idempotency key may hold letters, digits, '-', '_' and ':' only.");

function keyFor(workspace: Workspace, op: string, clientKey: string): string {
  return `herald:${workspace.id}:${op}:${clientKey}`;
}

async function run<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toBillingError(error);
  }
}

/** The workspace's Stripe customer, created on first use (tagged with the workspace id for webhooks). */
export async function ensureCustomer(workspace: Workspace, clientKey: string): Promise<string> {
  const account = await getBillingAccount(workspace.id);
  if (account.stripeCustomerId) return account.stripeCustomerId;
  return run(async () => {
    const customer = await stripe().customers.create(
      { name: workspace.name, metadata: { workspace_id: workspace.id } },
      { idempotencyKey: keyFor(workspace, "customer", clientKey) },
    );
    return saveCustomerId(workspace.id, customer.id);
  });
}

/** A SetupIntent the browser confirms with Stripe.js; the card never passes through Herald. */
export async function createSetupIntent(workspace: Workspace, clientKey: string): Promise<{ id: string; clientSecret: string }> {
  const customer = await ensureCustomer(workspace, clientKey);
  return run(async () => {
    const intent = await stripe().setupIntents.create(
      { customer, usage: "off_session", allowed_payment_method_types: ["card"], metadata: { workspace_id: workspace.id } },
      { idempotencyKey: keyFor(workspace, "setup-intent", clientKey) },
    );
    return { id: intent.id, clientSecret: intent.client_secret! };
  });
}

/**
 * After confirmSetup in the browser: re-reads the SetupIntent and its PaymentMethod from Stripe
 * (never trusting the browser's copy), makes it the customer's default and keeps its metadata.
 */
export async function confirmPaymentMethod(workspace: Workspace, setupIntentId: string, clientKey: string): Promise<CardFacts> {
  const account = await getBillingAccount(workspace.id);
  if (!account.stripeCustomerId) throw new BillingError(404, "No payment setup is in progress for this workspace.");
  return run(async () => {
    const intent = await stripe().setupIntents.retrieve(setupIntentId, { expand: ["payment_method"] });
    // Another workspace's SetupIntent answers exactly like a missing one.
    if (customerId(intent.customer) !== account.stripeCustomerId) throw new BillingError(404, "No payment setup is in progress for this workspace.");
    if (intent.status !== "succeeded" || !intent.payment_method) {
      throw new BillingError(409, "The card is not confirmed yet. Complete the form and try again.");
    }
    const pm = intent.payment_method;
    const pmId = typeof pm === "string" ? pm : pm.id;
    await stripe().customers.update(
      account.stripeCustomerId!,
      { invoice_settings: { default_payment_method: pmId } },
      { idempotencyKey: keyFor(workspace, "default-card", clientKey) },
    );
    const facts = cardFacts(typeof pm === "string" ? await stripe().paymentMethods.retrieve(pm) : pm);
    await saveFacts(db, workspace.id, facts);
    return facts;
  });
}

/** Subscribes to a paid plan, or moves the current subscription to it (prorated by Stripe). */
export async function changePlan(workspace: Workspace, planId: string, clientKey: string): Promise<void> {
  const plan = findPlan(planId);
  if (!plan) throw new BillingError(400, "There is no such plan.");
  if (!plan.priceId) throw new BillingError(400, "To move to the free plan, cancel your subscription: it ends at the end of the period.");
  const account = await getBillingAccount(workspace.id);
  if (!account.stripeCustomerId || !account.cardLast4) throw new BillingError(409, "Add a card first: paid plans are charged to your card.");
  await run(async () => {
    const current = account.stripeSubscriptionId ? await stripe().subscriptions.retrieve(account.stripeSubscriptionId) : undefined;
    const sub =
      current && !isEnded(current)
        ? await stripe().subscriptions.update(
            current.id,
            { items: [{ id: current.items.data[0].id, price: plan.priceId }], cancel_at_period_end: false, proration_behavior: "create_prorations" },
            { idempotencyKey: keyFor(workspace, `plan-${plan.id}`, clientKey) },
          )
        : await stripe().subscriptions.create(
            {
              customer: account.stripeCustomerId!,
              items: [{ price: plan.priceId }],
              // A declined first payment fails the request instead of leaving an unpaid subscription behind.
              payment_behavior: "error_if_incomplete",
              metadata: { workspace_id: workspace.id },
            },
            { idempotencyKey: keyFor(workspace, `subscribe-${plan.id}`, clientKey) },
          );
    const facts = subscriptionFacts(sub);
    if (facts) await saveFacts(db, workspace.id, facts);
  });
}

/** Cancel at period end (true) or resume (false); the workspace keeps its plan until then. */
export async function setCancelAtPeriodEnd(workspace: Workspace, cancel: boolean, clientKey: string): Promise<void> {
  const account = await getBillingAccount(workspace.id);
  if (!account.stripeSubscriptionId) throw new BillingError(409, "This workspace has no paid subscription.");
  await run(async () => {
    const sub = await stripe().subscriptions.update(
      account.stripeSubscriptionId!,
      { cancel_at_period_end: cancel },
      { idempotencyKey: keyFor(workspace, cancel ? "cancel" : "resume", clientKey) },
    );
    const facts = subscriptionFacts(sub);
    if (facts) await saveFacts(db, workspace.id, facts);
  });
}
