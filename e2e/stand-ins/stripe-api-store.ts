// The stand-in's objects, shaped like Stripe's (API 2025+: billing periods on subscription items).
import { randomBytes } from "node:crypto";
import { StandInError, type Params } from "./stripe-api-form";

type Obj = Record<string, unknown> & { id: string };
// "chargeFails": attaches and sets up fine, every charge is declined (Stripe's 4000 0000 0000 0341).
type Outcome = "ok" | "decline" | "authenticate" | "chargeFails";

// Stripe's documented test cards; the stand-in keeps no number, only what Stripe would expose.
const TEST_CARDS: Record<string, { brand: string; outcome: Outcome }> = {
  "4242424242424242": { brand: "visa", outcome: "ok" },
  "5555555555554444": { brand: "mastercard", outcome: "ok" },
  "4000000000000002": { brand: "visa", outcome: "decline" },
  "4000002760003184": { brand: "visa", outcome: "authenticate" },
  "4000000000000341": { brand: "visa", outcome: "chargeFails" },
};
const TEST_TOKENS: Record<string, string> = {
  pm_card_visa: "4242424242424242",
  pm_card_mastercard: "5555555555554444",
  pm_card_chargeDeclined: "4000000000000002",
  pm_card_chargeCustomerFail: "4000000000000341",
};

const now = () => Math.floor(Date.now() / 1000);
const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`;

function addMonth(seconds: number): number {
  const d = new Date(seconds * 1000);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return Math.floor(d.getTime() / 1000);
}

function str(p: Params, key: string): string | undefined {
  const v = p[key];
  return typeof v === "string" && v !== "" ? v : undefined;
}

function missing(kind: string, id: string): never {
  throw new StandInError(404, "invalid_request_error", `No such ${kind}: '${id}'`, { code: "resource_missing", param: "id" });
}

const declined = (extra: Record<string, unknown> = {}) =>
  new StandInError(402, "card_error", "Your card was declined.", { code: "card_declined", decline_code: "generic_decline", ...extra });

export function createStore(priceIds: string[]) {
  const customers = new Map<string, Obj>();
  const intents = new Map<string, Obj>();
  const methods = new Map<string, Obj>();
  const outcomes = new Map<string, Outcome>();
  const subscriptions = new Map<string, Obj>();
  const prices = new Map<string, Obj>(
    priceIds.map((id, i) => [
      id,
      { id, object: "price", active: true, currency: "eur", unit_amount: (i + 1) * 2900, product: `prod_${id}`, recurring: { interval: "month", interval_count: 1 }, type: "recurring", livemode: false },
    ]),
  );

  const get = (map: Map<string, Obj>, kind: string, id: string) => map.get(id) ?? missing(kind, id);
  const metadata = (p: Params) => (p.metadata && typeof p.metadata === "object" ? p.metadata : {});

  function card(number: string, p: Params): Obj {
    const known = TEST_CARDS[number];
    if (!known && !/^\d{12,19}$/.test(number)) throw new StandInError(402, "card_error", "Your card number is incorrect.", { code: "incorrect_number", param: "card[number]" });
    const details = (p.billing_details ?? {}) as Params;
    const pm: Obj = {
      id: newId("pm"),
      object: "payment_method",
      type: "card",
      created: now(),
      customer: null,
      livemode: false,
      metadata: {},
      allow_redisplay: "unspecified",
      billing_details: { name: str(details, "name") ?? null, email: null, phone: null, address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null } },
      card: {
        brand: known?.brand ?? (number.startsWith("5") ? "mastercard" : "visa"),
        display_brand: known?.brand ?? "visa",
        last4: number.slice(-4),
        // Stripe keeps the expiry; Herald must not (the dump test checks it never arrives there).
        exp_month: Number(str((p.card ?? {}) as Params, "exp_month") ?? 12),
        exp_year: Number(str((p.card ?? {}) as Params, "exp_year") ?? 2034),
        funding: "credit",
        country: "US",
        fingerprint: randomBytes(8).toString("hex"),
        checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
        three_d_secure_usage: { supported: true },
        networks: { available: [known?.brand ?? "visa"], preferred: null },
        wallet: null,
      },
    };
    methods.set(pm.id, pm);
    outcomes.set(pm.id, known?.outcome ?? "ok");
    return pm;
  }

  function expandPm(obj: Obj, field: string): Obj {
    const id = obj[field];
    return typeof id === "string" ? { ...obj, [field]: get(methods, "payment_method", id) } : obj;
  }

  function defaultPm(customerId: string): string | null {
    return (get(customers, "customer", customerId).invoice_settings as { default_payment_method: string | null }).default_payment_method;
  }

  return {
    createCustomer(p: Params) {
      const c: Obj = {
        id: newId("cus"), object: "customer", created: now(), name: str(p, "name") ?? null, email: str(p, "email") ?? null, livemode: false,
        metadata: metadata(p), invoice_settings: { default_payment_method: null, custom_fields: null, footer: null, rendering_options: null },
      };
      customers.set(c.id, c);
      return c;
    },
    customer(id: string, expand: string[] = []) {
      const c = get(customers, "customer", id);
      if (!expand.includes("invoice_settings.default_payment_method")) return c;
      const pm = defaultPm(id);
      return { ...c, invoice_settings: { ...(c.invoice_settings as object), default_payment_method: pm ? get(methods, "payment_method", pm) : null } };
    },
    updateCustomer(id: string, p: Params) {
      const c = get(customers, "customer", id);
      const pm = str((p.invoice_settings ?? {}) as Params, "default_payment_method");
      if (pm && get(methods, "payment_method", pm).customer !== id) {
        throw new StandInError(400, "invalid_request_error", `The customer does not have a payment method with the ID ${pm}.`, { param: "invoice_settings[default_payment_method]" });
      }
      if (pm) c.invoice_settings = { ...(c.invoice_settings as object), default_payment_method: pm };
      if (str(p, "name")) c.name = str(p, "name");
      return c;
    },
    createSetupIntent(p: Params) {
      const customer = str(p, "customer");
      if (customer) get(customers, "customer", customer);
      const id = newId("seti");
      const si: Obj = {
        id, object: "setup_intent", client_secret: `${id}_secret_${randomBytes(12).toString("hex")}`, created: now(), customer: customer ?? null,
        status: "requires_payment_method", usage: str(p, "usage") ?? "off_session", payment_method: null, payment_method_types: p.allowed_payment_method_types ?? ["card"],
        last_setup_error: null, next_action: null, livemode: false, metadata: metadata(p),
      };
      intents.set(id, si);
      return si;
    },
    setupIntent(id: string, expand: string[] = []) {
      const si = get(intents, "setup_intent", id);
      return expand.includes("payment_method") ? expandPm(si, "payment_method") : si;
    },
    confirmSetupIntent(id: string, p: Params, fromBrowser: boolean) {
      const si = get(intents, "setup_intent", id);
      if (fromBrowser && str(p, "client_secret") !== si.client_secret) missing("setup_intent", id);
      if (si.status === "succeeded") throw new StandInError(400, "invalid_request_error", "You cannot confirm this SetupIntent because it has already succeeded.", { code: "setup_intent_unexpected_state" });
      const pmId = str(p, "payment_method") ?? missing("payment_method", "");
      const pm = get(methods, "payment_method", pmId);
      const outcome = outcomes.get(pmId);
      si.payment_method = pmId;
      if (outcome === "decline") {
        const error = declined({ payment_method: pm });
        Object.assign(si, { status: "requires_payment_method", payment_method: null, last_setup_error: error.body });
        throw new StandInError(402, "card_error", error.message, { ...error.extra, setup_intent: si });
      }
      if (outcome === "authenticate") {
        Object.assign(si, { status: "requires_action", next_action: { type: "use_stripe_sdk", use_stripe_sdk: { type: "three_d_secure_redirect" } } });
        return si;
      }
      Object.assign(si, { status: "succeeded", last_setup_error: null, next_action: null });
      if (si.customer) pm.customer = si.customer;
      return si;
    },
    createPaymentMethod(p: Params) {
      const c = (p.card ?? {}) as Params;
      return card((str(c, "number") ?? "").replace(/\s/g, ""), p);
    },
    paymentMethod: (id: string) => get(methods, "payment_method", id),
    attachPaymentMethod(id: string, p: Params) {
      const customer = str(p, "customer") ?? missing("customer", "");
      get(customers, "customer", customer);
      const pm = TEST_TOKENS[id] ? card(TEST_TOKENS[id], { billing_details: { name: "Test Cardholder" } }) : get(methods, "payment_method", id);
      if (outcomes.get(pm.id) === "decline") throw declined();
      pm.customer = customer;
      return pm;
    },
    createSubscription(p: Params) {
      const customer = str(p, "customer") ?? missing("customer", "");
      const items = (p.items ?? []) as Params[];
      const price = get(prices, "price", str(items[0] ?? {}, "price") ?? "");
      const pm = str(p, "default_payment_method") ?? defaultPm(customer);
      if (!pm) {
        throw new StandInError(400, "invalid_request_error", "This customer has no attached payment source or default payment method. Please consider adding a default payment method.");
      }
      if (outcomes.get(pm) === "decline" || outcomes.get(pm) === "chargeFails") throw declined();
      if (outcomes.get(pm) === "authenticate") throw new StandInError(402, "card_error", "Your card was declined. This transaction requires authentication.", { code: "authentication_required", decline_code: "authentication_required" });
      const created = now();
      const id = newId("sub");
      const sub: Obj = {
        id, object: "subscription", customer, status: "active", created, start_date: created, billing_cycle_anchor: created, collection_method: "charge_automatically",
        cancel_at_period_end: false, cancel_at: null, canceled_at: null, ended_at: null, currency: price.currency, default_payment_method: str(p, "default_payment_method") ?? null,
        latest_invoice: newId("in"), livemode: false, metadata: metadata(p),
        items: {
          object: "list", has_more: false, url: `/v1/subscription_items?subscription=${id}`,
          data: [{ id: newId("si"), object: "subscription_item", created, price, quantity: 1, subscription: id, current_period_start: created, current_period_end: addMonth(created), metadata: {} }],
        },
      };
      subscriptions.set(id, sub);
      return sub;
    },
    subscription: (id: string) => get(subscriptions, "subscription", id),
    listSubscriptions(p: Params) {
      const data = [...subscriptions.values()].filter((sub) => !str(p, "customer") || sub.customer === str(p, "customer"));
      return { object: "list", data, has_more: false, url: "/v1/subscriptions" };
    },
    updateSubscription(id: string, p: Params) {
      const sub = get(subscriptions, "subscription", id);
      if (sub.status === "canceled") throw new StandInError(400, "invalid_request_error", "A canceled subscription can only update its cancellation_details and metadata.");
      const item = ((p.items ?? []) as Params[])[0];
      const data = (sub.items as { data: Obj[] }).data;
      if (item) data[0] = { ...data[0], price: get(prices, "price", str(item, "price") ?? "") };
      if (p.cancel_at_period_end !== undefined) {
        sub.cancel_at_period_end = p.cancel_at_period_end === "true";
        sub.cancel_at = sub.cancel_at_period_end ? data[0].current_period_end : null;
      }
      return sub;
    },
    cancelSubscription(id: string) {
      const sub = get(subscriptions, "subscription", id);
      Object.assign(sub, { status: "canceled", canceled_at: now(), ended_at: now() });
      return sub;
    },
  };
}
