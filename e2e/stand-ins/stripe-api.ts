// A local stand-in of the handful of Stripe API endpoints Herald uses, with realistic objects, test
// card behaviour (4242 ok, 0002 declined, 3184 needs 3-D Secure) and Idempotency-Key replay. The
// real `stripe` library talks to it (host/port/protocol); the stand-in Stripe.js calls it from the
// browser with the publishable key, as Stripe.js does.
import http from "node:http";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { parseForm, StandInError, type Params } from "./stripe-api-form";
import { createStore } from "./stripe-api-store";

export const STANDIN_PRICES = { pro: "price_standin_pro", business: "price_standin_business" } as const;

export type StripeStandIn = { url: string; port: number; close(): Promise<void> };

type Auth = { kind: "secret" } | { kind: "publishable" };
type Route = { method: string; pattern: RegExp; publishable?: boolean; handle(p: Params, m: string[], auth: Auth): unknown };

function routes(store: ReturnType<typeof createStore>): Route[] {
  return [
    { method: "POST", pattern: /^\/v1\/customers$/, handle: (p) => store.createCustomer(p) },
    { method: "GET", pattern: /^\/v1\/customers\/([^/]+)$/, handle: (p, [id]) => store.customer(id, p.expand) },
    { method: "POST", pattern: /^\/v1\/customers\/([^/]+)$/, handle: (p, [id]) => store.updateCustomer(id, p) },
    { method: "POST", pattern: /^\/v1\/setup_intents$/, handle: (p) => store.createSetupIntent(p) },
    { method: "GET", pattern: /^\/v1\/setup_intents\/([^/]+)$/, handle: (p, [id]) => store.setupIntent(id, p.expand) },
    {
      method: "POST",
      pattern: /^\/v1\/setup_intents\/([^/]+)\/confirm$/,
      publishable: true,
      handle: (p, [id], auth) => store.confirmSetupIntent(id, p, auth.kind === "publishable"),
    },
    { method: "POST", pattern: /^\/v1\/payment_methods$/, publishable: true, handle: (p) => store.createPaymentMethod(p) },
    { method: "GET", pattern: /^\/v1\/payment_methods\/([^/]+)$/, handle: (_p, [id]) => store.paymentMethod(id) },
    { method: "POST", pattern: /^\/v1\/payment_methods\/([^/]+)\/attach$/, handle: (p, [id]) => store.attachPaymentMethod(id, p) },
    { method: "POST", pattern: /^\/v1\/subscriptions$/, handle: (p) => store.createSubscription(p) },
    { method: "GET", pattern: /^\/v1\/subscriptions$/, handle: (p) => store.listSubscriptions(p) },
    { method: "GET", pattern: /^\/v1\/subscriptions\/([^/]+)$/, handle: (_p, [id]) => store.subscription(id) },
    { method: "POST", pattern: /^\/v1\/subscriptions\/([^/]+)$/, handle: (p, [id]) => store.updateSubscription(id, p) },
    { method: "DELETE", pattern: /^\/v1\/subscriptions\/([^/]+)$/, handle: (_p, [id]) => store.cancelSubscription(id) },
  ];
}

function authenticate(req: http.IncomingMessage, params: Params): Auth | undefined {
  const bearer = req.headers.authorization?.match(/^Bearer (\S+)$/)?.[1];
  if (bearer?.startsWith("sk_test_")) return { kind: "secret" };
  const key = bearer ?? (typeof params.key === "string" ? params.key : undefined);
  if (key?.startsWith("pk_test_")) return { kind: "publishable" };
  return undefined;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

export async function startStripeStandIn(port = 0): Promise<StripeStandIn> {
  const store = createStore(Object.values(STANDIN_PRICES));
  const table = routes(store);
  // Idempotency-Key → the first request's fingerprint and response, replayed for 24 h as Stripe does.
  const idempotent = new Map<string, { fingerprint: string; status: number; body: string }>();

  const server = http.createServer(async (req, res) => {
    res.setHeader("access-control-allow-origin", "*");
    res.setHeader("access-control-allow-headers", "authorization, content-type, stripe-version, idempotency-key");
    if (req.method === "OPTIONS") return void res.writeHead(204).end();
    const url = new URL(req.url ?? "/", "http://stand-in");
    if (url.pathname === "/health") return void res.end("ok");
    const raw = req.method === "GET" || req.method === "DELETE" ? url.search.slice(1) : await readBody(req);
    const send = (status: number, body: string) => {
      res.writeHead(status, { "content-type": "application/json", "request-id": `req_${randomBytes(7).toString("hex")}` });
      res.end(body);
    };
    const params = parseForm(raw);
    const auth = authenticate(req, params);
    if (!auth) return send(401, JSON.stringify({ error: { type: "invalid_request_error", message: "Invalid API Key provided." } }));
    const key = req.headers["idempotency-key"];
    const fingerprint = `${req.method} ${url.pathname} ${raw}`;
    if (typeof key === "string" && req.method === "POST") {
      const previous = idempotent.get(key);
      if (previous && previous.fingerprint !== fingerprint) {
        const message = `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`;
        return send(400, JSON.stringify({ error: { type: "idempotency_error", message } }));
      }
      if (previous) {
        res.setHeader("idempotent-replayed", "true");
        return send(previous.status, previous.body);
      }
    }
    let status = 200;
    let body: string;
    try {
      const route = table.find((r) => r.method === req.method && r.pattern.test(url.pathname));
      if (!route) throw new StandInError(404, "invalid_request_error", `Unrecognized request URL (${req.method}: ${url.pathname}).`);
      if (auth.kind === "publishable" && !route.publishable) {
        throw new StandInError(401, "invalid_request_error", "This API call cannot be made with a publishable API key.");
      }
      body = JSON.stringify(route.handle(params, url.pathname.match(route.pattern)!.slice(1), auth));
    } catch (error) {
      if (!(error instanceof StandInError)) throw error;
      status = error.status;
      body = JSON.stringify({ error: error.body });
    }
    // Stripe stores the result of any request that reached its servers, errors included.
    if (typeof key === "string" && req.method === "POST" && status !== 401) idempotent.set(key, { fingerprint, status, body });
    send(status, body);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // the stripe library keeps connections alive
      }),
  };
}
