import { describe, expect, it } from "vitest";
import { auditBrowserState, type CollectedCookie } from "./cookies-audit";
import { COOKIE_REGISTRY } from "./cookies";

const NOW = 1_800_000_000;
const DAY = 86_400;

function cookie(name: string, extra: Partial<CollectedCookie> = {}): CollectedCookie {
  return { name, httpOnly: true, secure: false, sameSite: "Lax", expires: -1, ...extra };
}

// What a browser holds after signing in to a local (HTTP) installation.
const signedIn = [
  cookie("authjs.session-token", { expires: NOW + 30 * DAY }),
  cookie("authjs.csrf-token"),
  cookie("authjs.callback-url"),
];

describe("auditBrowserState", () => {
  it("accepts the registered Auth.js cookies and SDK/portal storage keys", () => {
    const storage = [
      { kind: "localStorage" as const, key: "herald.anonymousId", origin: "http://customer.test" },
      { kind: "sessionStorage" as const, key: "herald.session", origin: "http://customer.test" },
      { kind: "localStorage" as const, key: "herald.voterId", origin: "http://herald.test" },
    ];
    expect(auditBrowserState({ cookies: signedIn, storage }, { nowSeconds: NOW })).toEqual([]);
  });

  it("fails on an unregistered cookie", () => {
    const violations = auditBrowserState({ cookies: [...signedIn, cookie("_ga", { httpOnly: false, expires: NOW + 400 * DAY })], storage: [] }, { nowSeconds: NOW });
    expect(violations).toEqual([{ kind: "cookie", name: "_ga", problem: "not in the registry (lib/cookies.ts)" }]);
  });

  it("fails on an unregistered storage key, and on a registered name in the wrong kind of storage", () => {
    const violations = auditBrowserState({
      cookies: [],
      storage: [
        { kind: "localStorage", key: "tracking.fingerprint", origin: "http://customer.test" },
        { kind: "localStorage", key: "herald.session", origin: "http://customer.test" },
      ],
    }, { nowSeconds: NOW });
    expect(violations.map((v) => v.name)).toEqual(["tracking.fingerprint", "herald.session"]);
  });

  it("fails when attributes or lifetime differ from the registry", () => {
    const violations = auditBrowserState({
      cookies: [
        cookie("authjs.session-token", { httpOnly: false, expires: NOW + 90 * DAY }),
        cookie("authjs.csrf-token", { sameSite: "None", expires: NOW + DAY }),
        cookie("authjs.callback-url", { expires: -1 }),
      ],
      storage: [],
    }, { nowSeconds: NOW });
    expect(violations.map((v) => `${v.name}: ${v.problem}`)).toEqual([
      "authjs.session-token: HttpOnly is false, registry says true",
      "authjs.session-token: lives 129600 minutes, registry says 30 days",
      "authjs.csrf-token: SameSite is None, registry says Lax",
      `authjs.csrf-token: expires at ${NOW + DAY}, registry says it ends with the browser session`,
    ]);
  });

  it("over HTTPS requires the prefixed, Secure names", () => {
    const secure = [
      cookie("__Secure-authjs.session-token", { secure: true, expires: NOW + 30 * DAY }),
      cookie("__Host-authjs.csrf-token", { secure: true }),
    ];
    expect(auditBrowserState({ cookies: secure, storage: [] }, { nowSeconds: NOW, https: true })).toEqual([]);
    const wrong = auditBrowserState({ cookies: [cookie("authjs.session-token", { expires: NOW + DAY }), cookie("__Host-authjs.csrf-token")], storage: [] }, { nowSeconds: NOW, https: true });
    expect(wrong.map((v) => `${v.name}: ${v.problem}`)).toEqual([
      "authjs.session-token: Secure is missing",
      "authjs.session-token: over HTTPS it must be named __Secure-authjs.session-token",
      "__Host-authjs.csrf-token: Secure is missing",
    ]);
  });

  it("registers only functional entries, each with a purpose and a code path", () => {
    for (const e of COOKIE_REGISTRY) {
      expect(e.category).toBe("functional");
      expect(e.source.length).toBeGreaterThan(3);
      expect(e.kind === "cookie").toBe(e.attributes !== undefined);
    }
  });
});
