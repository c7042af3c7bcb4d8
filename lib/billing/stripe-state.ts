import "server-only";
import type Stripe from "stripe";
import { billingConfig, planForPrice } from "./config";

// Maps Stripe objects to the only facts Herald keeps. Card: brand, last 4 and cardholder name —
// never the number, CVC or expiry, even though Stripe's PaymentMethod carries the expiry.

export type CardFacts = { cardBrand: string | null; cardLast4: string | null; cardholderName: string | null };
export type SubscriptionFacts = {
  stripeSubscriptionId: string | null;
  plan: string;
  status: string;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
};

export const NO_CARD: CardFacts = { cardBrand: null, cardLast4: null, cardholderName: null };

export function cardFacts(pm: Stripe.PaymentMethod | string | null | undefined): CardFacts {
  if (!pm || typeof pm === "string" || !pm.card) return NO_CARD;
  return {
    cardBrand: pm.card.brand,
    cardLast4: pm.card.last4,
    cardholderName: pm.billing_details?.name?.trim().slice(0, 200) || null,
  };
}

export function freeFacts(): SubscriptionFacts {
  return { stripeSubscriptionId: null, plan: billingConfig().freePlan.id, status: "active", currentPeriodEnd: null, cancelAtPeriodEnd: false };
}

/** Ended subscriptions leave the workspace on the free plan. */
const ENDED = new Set(["canceled", "incomplete_expired"]);

export function isEnded(sub: Stripe.Subscription): boolean {
  return ENDED.has(sub.status);
}

/** undefined when the subscription's price is none of the configured plans (nothing to apply). */
export function subscriptionFacts(sub: Stripe.Subscription): SubscriptionFacts | undefined {
  if (isEnded(sub)) return freeFacts();
  const item = sub.items.data[0];
  const plan = item && planForPrice(item.price.id);
  if (!plan) return undefined;
  return {
    stripeSubscriptionId: sub.id,
    plan: plan.id,
    status: sub.status,
    // Since API 2025-03-31 the billing period lives on the subscription item.
    currentPeriodEnd: item.current_period_end ? new Date(item.current_period_end * 1000) : null,
    cancelAtPeriodEnd: sub.cancel_at_period_end,
  };
}

export function customerId(ref: string | Stripe.Customer | Stripe.DeletedCustomer | null): string | null {
  if (!ref) return null;
  return typeof ref === "string" ? ref : ref.id;
}
