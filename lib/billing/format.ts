// Billing wording shared by the server (route errors) and the browser (Stripe.js errors, page text).

export const MESSAGES = {
  declined: "Your card was declined. Nothing was saved — try another card or contact your bank.",
  authenticationRequired:
    "Your bank asks you to confirm this card with 3-D Secure, and the check was not completed. Nothing was saved — try again and complete the check in your bank's window, or use another card.",
  unreachable: "Stripe could not be reached. Nothing was changed — check your connection and try again in a minute.",
} as const;

const BRANDS: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  discover: "Discover",
  diners: "Diners Club",
  jcb: "JCB",
  unionpay: "UnionPay",
  cartes_bancaires: "Cartes Bancaires",
};

export type CardSummary = { brand: string | null; last4: string; name: string | null };

/** "Visa •••• 4242 — Jane Doe": the only card facts Herald has. */
export function cardLabel(card: CardSummary): string {
  const brand = (card.brand && BRANDS[card.brand]) ?? "Card";
  return `${brand} •••• ${card.last4}${card.name ? ` — ${card.name}` : ""}`;
}

export const STATUS_LABELS: Record<string, string> = {
  active: "Active",
  trialing: "Trial",
  past_due: "Payment overdue",
  unpaid: "Unpaid",
  incomplete: "Awaiting payment",
  incomplete_expired: "Expired",
  canceled: "Canceled",
  paused: "Paused",
};

/** Dates in billing are days; UTC so that server and browser render the same text. */
export function formatDay(date: Date | string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(new Date(date));
}
