// Runs the Stripe API stand-in on E2E.stripePort for the end-to-end suite (playwright.config.ts).
import { E2E } from "../support/ports";
import { startStripeStandIn } from "./stripe-api";

void startStripeStandIn(E2E.stripePort).then((standIn) => console.log(`Stripe API stand-in on ${standIn.url}`));
