import "server-only";
import Stripe from "stripe";
import { billingConfig } from "./config";

// The one Stripe client. STRIPE_API_HOST/PORT/PROTOCOL point it at a local stand-in in tests;
// with none set it talks to api.stripe.com with the configured keys.
let client: Stripe | undefined;

export class BillingDisabledError extends Error {
  constructor() {
    super("Billing is not enabled on this installation.");
  }
}

export function stripe(): Stripe {
  if (client) return client;
  const config = billingConfig().stripe;
  if (!config.enabled) throw new BillingDisabledError();
  client = new Stripe(config.secretKey, {
    ...config.api,
    // Every mutating call carries an explicit idempotency key, so retries never charge twice.
    timeout: 15_000,
    appInfo: { name: "Herald" },
  });
  return client;
}
