import { expect, test, type APIResponse } from "@playwright/test";
import { signUp } from "./support/accounts";
import { E2E } from "./support/ports";

// Like `curl -I`: the headers each kind of route answers with.
const csp = (res: APIResponse) => res.headers()["content-security-policy"] ?? "";
const nonceOf = (policy: string) => policy.match(/'nonce-([^']+)'/)?.[1];

/** Next.js applied this response's nonce to every script it rendered (a static page would have none). */
async function expectNoncedScripts(res: APIResponse) {
  const nonce = nonceOf(csp(res));
  expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
}

function expectCommonHeaders(res: APIResponse) {
  const h = res.headers();
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["permissions-policy"]).toContain("geolocation=()");
  expect(h["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains"); // the e2e server runs in production mode
}

test("dashboard pages: strict CSP with a fresh nonce that Next.js puts on its scripts, never framable", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|frame|connect)/i.test(m.text())) violations.push(m.text());
  });
  const admin = await signUp(page);
  await page.getByRole("navigation", { name: "Workspace sections" }).first().getByRole("link", { name: "Segments" }).click();
  await expect(page.getByRole("heading", { name: "Segments", exact: true })).toBeVisible();

  const res = await page.request.get(`/w/${admin.slug}/experiences`);
  expect(res.status()).toBe(200);
  expectCommonHeaders(res);
  const policy = csp(res);
  const nonce = nonceOf(policy);
  await expectNoncedScripts(res);
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  expect(policy).not.toContain("unsafe-eval");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'self'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(res.headers()["x-frame-options"]).toBe("DENY");
  // Fresh per request.
  expect(nonceOf(csp(await page.request.get(`/w/${admin.slug}/experiences`)))).not.toBe(nonce);

  // Stripe.js stays allowed on the billing page.
  const billing = csp(await page.request.get(`/w/${admin.slug}/billing`));
  expect(billing).toMatch(/script-src [^;]*https:\/\/js\.stripe\.com/);
  expect(billing).toMatch(/frame-src [^;]*https:\/\/js\.stripe\.com https:\/\/hooks\.stripe\.com/);
  expect(billing).toMatch(/connect-src [^;]*https:\/\/api\.stripe\.com/);

  // The pages above rendered and hydrated without the browser refusing anything.
  expect(violations).toEqual([]);
});

test("the sign-in gate still redirects signed-out visitors exactly as before", async ({ request }) => {
  for (const path of ["/w/acme/segments?tab=1", "/w", "/dashboard", "/onboarding"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(307);
    const location = new URL(res.headers()["location"], E2E.appUrl);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("callbackUrl")).toBe(path);
  }
  const open = await request.get("/sign-in", { maxRedirects: 0 });
  expect(open.status()).toBe(200);
  expect(csp(open)).toContain("frame-ancestors 'none'");
});

test("public pages and the changelog portal carry the CSP; only the portal may be framed", async ({ request }) => {
  for (const path of ["/", "/sign-in/check-email", "/privacy", "/terms", "/cookie-policy", "/data"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expectCommonHeaders(res);
    expect(csp(res), path).toContain("frame-ancestors 'none'");
    await expectNoncedScripts(res);
    expect(res.headers()["x-frame-options"]).toBe("DENY");
  }
  const portal = await request.get("/changelog/no-such-workspace");
  expectCommonHeaders(portal);
  expect(csp(portal)).toContain("frame-ancestors *");
  expect(portal.headers()["x-frame-options"]).toBeUndefined();
});

test("SDK routes: open CORS without credentials, no CSP or frame headers, no cookies", async ({ request }) => {
  const preflight = await request.fetch("/api/sdk/v1/resolve", {
    method: "OPTIONS",
    headers: { Origin: "https://customer.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
  });
  const h = preflight.headers();
  expect(h["access-control-allow-credentials"]).toBeUndefined();
  expect(h["content-security-policy"]).toBeUndefined();
  expect(h["x-frame-options"]).toBeUndefined();
  expect(h["set-cookie"]).toBeUndefined();
  expect(h["x-content-type-options"]).toBe("nosniff");
  // The SDK API answers preflights once it exists in the tree (app/api/sdk).
  if (preflight.status() !== 404) {
    expect(preflight.status()).toBeLessThan(300);
    expect(h["access-control-allow-origin"]).toBe("*");
  }

  const sdk = await request.get("/sdk.js", { headers: { Origin: "https://customer.example" } });
  const s = sdk.headers();
  expect(s["access-control-allow-origin"]).toBe("*");
  expect(s["cross-origin-resource-policy"]).toBe("cross-origin");
  expect(s["content-security-policy"]).toBeUndefined();
  expect(s["x-frame-options"]).toBeUndefined();
  expect(s["set-cookie"]).toBeUndefined();
  if (sdk.status() === 200) expect(s["content-type"]).toMatch(/javascript/);
});
