"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { loadStripe } from "@stripe/stripe-js/pure";
import type { Stripe, StripeError } from "@stripe/stripe-js";
import { CardElement, Elements, useElements, useStripe } from "@stripe/react-stripe-js";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { cardLabel, MESSAGES, type CardSummary } from "@/lib/billing/format";
import { callBilling, newIdempotencyKey } from "./billing-api";

/** Stripe.js errors → what the admin should do next. */
function stripeMessage(error: StripeError): string {
  if (error.code === "card_declined") return MESSAGES.declined;
  if (error.code === "setup_intent_authentication_failure") return MESSAGES.authenticationRequired;
  if (error.type === "api_connection_error") return MESSAGES.unreachable;
  return error.message ?? "The card could not be saved. Try again.";
}

function CardForm({ slug, onSaved, onCancel }: { slug: string; onSaved: (card: CardSummary | null) => void; onCancel: () => void }) {
  const stripe = useStripe();
  const elements = useElements();
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  // One key per card being saved: a double click or a retry after a decline reuses the SetupIntent.
  const key = useRef(newIdempotencyKey());
  const busy = useRef(false);

  async function save(): Promise<string | undefined> {
    const card = elements?.getElement(CardElement);
    if (!stripe || !card) return MESSAGES.unreachable;
    if (!name.trim()) return "Enter the cardholder name as it appears on the card.";
    const intent = await callBilling<{ clientSecret: string }>(slug, "setup-intent", "POST", {}, key.current);
    if (!intent.ok) return intent.message;
    const result = await stripe.confirmCardSetup(intent.data.clientSecret, { payment_method: { card, billing_details: { name: name.trim() } } });
    if (result.error) return stripeMessage(result.error);
    if (result.setupIntent.status !== "succeeded") return MESSAGES.authenticationRequired;
    const saved = await callBilling(slug, "payment-method", "POST", { setupIntentId: result.setupIntent.id }, key.current);
    if (!saved.ok) return saved.message;
    key.current = newIdempotencyKey();
    onSaved(saved.data.billing.card);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy.current) return;
    busy.current = true;
    setPending(true);
    setError(undefined);
    setError(await save());
    busy.current = false;
    setPending(false);
  }

  return (
    <form onSubmit={submit} noValidate className="mt-4 space-y-4" aria-label="Payment details">
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Cardholder name" name="cardholder-name" autoComplete="cc-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      <div className="space-y-1">
        <span className="block text-sm font-medium text-slate-700" id="card-label">Card</span>
        <div className="rounded-md bg-white px-3 py-2.5 shadow-sm ring-1 ring-inset ring-slate-300" aria-labelledby="card-label">
          <CardElement options={{ hidePostalCode: true, style: { base: { fontSize: "14px" } } }} />
        </div>
        <p className="text-xs text-slate-500">Your card goes straight to Stripe. Herald keeps only its brand, last 4 digits and the cardholder name.</p>
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending || !stripe}>{pending ? "Saving…" : "Save card"}</Button>
        <Button type="button" variant="secondary" onClick={onCancel} disabled={pending}>Cancel</Button>
      </div>
    </form>
  );
}

/** The card on file and, for owners and admins, the Stripe Elements form that replaces it. */
export function PaymentDetails({ slug, publishableKey, initialCard }: { slug: string; publishableKey: string; initialCard: CardSummary | null }) {
  const router = useRouter();
  const [card, setCard] = useState(initialCard);
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const [stripe, setStripe] = useState<Stripe | null>(null);
  const [loadError, setLoadError] = useState(false);

  // Stripe.js is loaded only when an admin opens the form, never on other dashboard pages.
  useEffect(() => {
    if (!open || stripe) return;
    loadStripe(publishableKey)
      .then((s) => (s ? setStripe(s) : setLoadError(true)))
      .catch(() => setLoadError(true));
  }, [open, stripe, publishableKey]);

  return (
    <div>
      <p className="text-sm text-slate-900" data-testid="card-on-file">{card ? cardLabel(card) : "No card on file."}</p>
      {saved ? <div className="mt-3"><Alert tone="success">Payment details updated.</Alert></div> : null}
      {!open ? (
        <Button type="button" variant="secondary" className="mt-4" onClick={() => { setOpen(true); setSaved(false); setLoadError(false); }}>
          Update payment details
        </Button>
      ) : loadError ? (
        <div className="mt-4 space-y-3">
          <Alert>{MESSAGES.unreachable}</Alert>
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Close</Button>
        </div>
      ) : !stripe ? (
        <p className="mt-4 text-sm text-slate-500" role="status">Loading the secure card form…</p>
      ) : (
        <Elements stripe={stripe}>
          <CardForm
            slug={slug}
            onCancel={() => setOpen(false)}
            onSaved={(next) => {
              setCard(next);
              setOpen(false);
              setSaved(true);
              router.refresh();
            }}
          />
        </Elements>
      )}
    </div>
  );
}
