// Browser-side helpers for billing tests: the Stripe.js stand-in and filling its card element.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { E2E } from "../support/ports";
import { REAL_STRIPE } from "./stripe-env";

// The stand-in talks to https://api.stripe.com like Stripe.js does (the page's CSP allows exactly that);
// the test routes those requests to the local Stripe API stand-in.
const STRIPE_API = "https://api.stripe.com";
const script = readFileSync(path.join(process.cwd(), "e2e/stand-ins/stripe-js.js"), "utf8").replace("__STRIPE_API_URL__", STRIPE_API);

/** Serves the stand-in Stripe.js instead of js.stripe.com (unless testing against real Stripe). */
export async function useStripeJsStandIn(page: Page): Promise<void> {
  if (REAL_STRIPE) return;
  await page.route("https://js.stripe.com/**", (route) => route.fulfill({ contentType: "application/javascript", body: script }));
  await page.route(`${STRIPE_API}/**`, async (route) => {
    const response = await route.fetch({ url: route.request().url().replace(STRIPE_API, E2E.stripeUrl) });
    await route.fulfill({ response, headers: { ...response.headers(), "access-control-allow-origin": "*" } });
  });
}

// Typed in every billing test; the dump test proves none of them reached Herald.
export const TEST_EXPIRY = { typed: "11 / 39", month: "11", year: "2039" };
export const TEST_CVC = "987";

/** Fills the card element: Stripe's iframe with real Stripe, the stand-in's inputs otherwise. */
export async function fillCard(page: Page, number: string): Promise<void> {
  // Stripe's CardElement renders one iframe named __privateStripeFrame… with inputs of these names.
  const scope = REAL_STRIPE ? page.frameLocator('iframe[name^="__privateStripeFrame"]').first() : page;
  await scope.locator('input[name="cardnumber"]').fill(number);
  await scope.locator('input[name="exp-date"]').fill(TEST_EXPIRY.typed);
  await scope.locator('input[name="cvc"]').fill(TEST_CVC);
}
