import "server-only";
import { MESSAGES } from "./format";
import { BillingDisabledError } from "./stripe-client";

/** A billing failure with the status and message the admin should see. */
export class BillingError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}


type StripeLikeError = { type?: string; code?: string; statusCode?: number; message?: string };

/** Stripe library errors → what the admin should read; details stay in the server log without card data. */
export function toBillingError(error: unknown): BillingError {
  if (error instanceof BillingError) return error;
  if (error instanceof BillingDisabledError) return new BillingError(503, error.message);
  const e = (error ?? {}) as StripeLikeError;
  switch (e.type) {
    case "StripeCardError":
      return new BillingError(402, e.code === "authentication_required" ? MESSAGES.authenticationRequired : MESSAGES.declined);
    case "StripeConnectionError":
    case "StripeAPIError":
      return new BillingError(503, MESSAGES.unreachable);
    case "StripeRateLimitError":
      return new BillingError(429, "Stripe is busy. Try again in a few seconds.");
    case "StripeIdempotencyError":
      return new BillingError(409, "This request was already sent with different details. Reload the page and try again.");
    case "StripeAuthenticationError":
    case "StripePermissionError":
      return new BillingError(502, "Stripe refused Herald's API key. An operator should check STRIPE_SECRET_KEY.");
    case "StripeInvalidRequestError":
      return new BillingError(e.statusCode === 404 ? 404 : 400, `Stripe refused the request: ${e.message ?? "invalid request"}`);
  }
  throw error;
}
