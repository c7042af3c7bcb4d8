// How the end-to-end app reaches Stripe: the local stand-in by default; real Stripe test mode when
// the caller exports real test keys (STRIPE_SECRET_KEY, NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY, STRIPE_PRICE_PRO).
import { E2E } from "../support/ports";
import { STANDIN_PRICES } from "./stripe-api";

export const REAL_STRIPE = Boolean(process.env.STRIPE_SECRET_KEY?.startsWith("sk_test_") && !process.env.STRIPE_SECRET_KEY.includes("standin"));

export function stripeServerEnv(): Record<string, string> {
  if (REAL_STRIPE) return {};
  return {
    STRIPE_SECRET_KEY: "sk_test_standin",
    NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: "pk_test_standin",
    STRIPE_WEBHOOK_SECRET: "whsec_standin_e2e",
    STRIPE_API_HOST: "127.0.0.1",
    STRIPE_API_PORT: String(E2E.stripePort),
    STRIPE_API_PROTOCOL: "http",
    // The stand-in answers at once; retries would only slow the "Stripe unreachable" path.
    STRIPE_MAX_NETWORK_RETRIES: "0",
    STRIPE_PRICE_PRO: STANDIN_PRICES.pro,
    STRIPE_PRICE_BUSINESS: STANDIN_PRICES.business,
  };
}
