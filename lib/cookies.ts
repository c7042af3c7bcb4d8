// The one registry of every cookie and browser-storage key Herald sets (DESIGN.md §4.4). The cookie
// policy page renders it and the cookie-audit end-to-end test fails on anything missing from it, so
// a new cookie or storage key must be added here first.
import { z } from "zod";

export const ZStorageKind = z.enum(["cookie", "localStorage", "sessionStorage"]);
export type TStorageKind = z.infer<typeof ZStorageKind>;

export const ZSetBy = z.enum(["dashboard", "portal", "sdk"]);
export type TSetBy = z.infer<typeof ZSetBy>;

export const ZRegistryEntry = z.object({
  kind: ZStorageKind,
  /** The name over plain HTTP (local installs); cookies over HTTPS may carry a prefix, see `secureName`. */
  name: z.string().min(1),
  /** Auth.js prefixes its cookies with __Secure-/__Host- when the app is served over HTTPS. */
  secureName: z.string().min(1).optional(),
  purpose: z.string().min(1),
  /** Seconds; undefined means "until the browser (cookie session) or tab (sessionStorage) closes" or, for localStorage, until cleared. */
  maxAgeSeconds: z.number().int().positive().optional(),
  lifetime: z.string().min(1),
  setBy: ZSetBy,
  /** Cookie attributes (cookies only). Secure is always set over HTTPS, i.e. in production. */
  attributes: z.object({ httpOnly: z.boolean(), sameSite: z.enum(["Lax", "Strict", "None"]) }).optional(),
  category: z.literal("functional"),
  /** Where in the code it is set, so that each statement can be checked. */
  source: z.string().min(1),
});
export type TRegistryEntry = z.infer<typeof ZRegistryEntry>;

const DAY = 24 * 60 * 60;
const AUTHJS = "node_modules/next-auth (configured in lib/auth/auth.ts)";

function authCookie(name: string, prefix: "__Secure-" | "__Host-", purpose: string, lifetime: string, maxAgeSeconds?: number): TRegistryEntry {
  return {
    kind: "cookie",
    name,
    secureName: `${prefix}${name}`,
    purpose,
    lifetime,
    maxAgeSeconds,
    setBy: "dashboard",
    attributes: { httpOnly: true, sameSite: "Lax" },
    category: "functional",
    source: AUTHJS,
  };
}

export const COOKIE_REGISTRY: readonly TRegistryEntry[] = z.array(ZRegistryEntry).parse([
  authCookie("authjs.session-token", "__Secure-", "Keeps an admin signed in to the dashboard (a signed, encrypted session token).", "30 days", 30 * DAY),
  authCookie("authjs.csrf-token", "__Host-", "Protects the sign-in and sign-out forms against cross-site request forgery.", "Until the browser closes"),
  authCookie("authjs.callback-url", "__Secure-", "Remembers which dashboard page to return to after signing in.", "Until the browser closes"),
  authCookie("authjs.pkce.code_verifier", "__Secure-", "Secures a GitHub or Google sign-in while it is in progress (only when those are configured).", "15 minutes", 15 * 60),
  authCookie("authjs.state", "__Secure-", "Ties a GitHub or Google sign-in response to the request that started it (only when configured).", "15 minutes", 15 * 60),
  authCookie("authjs.nonce", "__Secure-", "Ties a Google sign-in's identity token to the request that started it (only when configured).", "15 minutes", 15 * 60),
  {
    kind: "localStorage",
    name: "herald.anonymousId",
    purpose: "A random id the SDK draws once per browser, so that an experience is not shown again after it was dismissed. It names no one.",
    lifetime: "Until the site's storage is cleared or herald.reset() is called",
    setBy: "sdk",
    category: "functional",
    source: "sdk/ (the browser SDK, on the customer's site)",
  },
  {
    kind: "localStorage",
    name: "herald.changelogSeenAt",
    purpose: "When the changelog was last opened, to show the unread badge.",
    lifetime: "Until the site's storage is cleared",
    setBy: "sdk",
    category: "functional",
    source: "sdk/ (the browser SDK, on the customer's site)",
  },
  {
    kind: "localStorage",
    name: "herald.queue",
    purpose: "Events (views, clicks, answers) not yet sent because the network was unavailable; emptied once sent.",
    lifetime: "Until the events are sent",
    setBy: "sdk",
    category: "functional",
    source: "sdk/ (the browser SDK, on the customer's site)",
  },
  {
    kind: "sessionStorage",
    name: "herald.session",
    purpose: "The ids of the experiences shown in this tab, so that \"every session\" frequencies and the per-session cap work. It names no one.",
    lifetime: "Until the tab closes",
    setBy: "sdk",
    category: "functional",
    source: "sdk/ (the browser SDK, on the customer's site)",
  },
  {
    kind: "localStorage",
    name: "herald.voterId",
    purpose: "A random id so that a reaction on a changelog post counts once and can be taken back. It names no one.",
    lifetime: "Until the site's storage is cleared",
    setBy: "portal",
    category: "functional",
    source: "app/changelog/ (the public changelog portal)",
  },
]);

/** The registry entry a collected cookie or storage key belongs to, matching either cookie name. */
export function findEntry(kind: TStorageKind, name: string): TRegistryEntry | undefined {
  return COOKIE_REGISTRY.find((e) => e.kind === kind && (e.name === name || e.secureName === name));
}

export const SET_BY_LABEL: Record<TSetBy, string> = {
  dashboard: "Herald dashboard (admins)",
  portal: "Public changelog portal",
  sdk: "SDK, on the customer's site",
};

export const KIND_LABEL: Record<TStorageKind, string> = {
  cookie: "Cookie",
  localStorage: "Local storage",
  sessionStorage: "Session storage",
};
