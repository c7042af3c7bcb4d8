// Compares what a browser actually holds with the registry in lib/cookies.ts. Pure, so that the
// end-to-end cookie audit and its unit test share one judgement.
import { findEntry, type TStorageKind } from "./cookies";

/** As Playwright's context.cookies() reports them: `expires` is Unix seconds, -1 for a session cookie. */
export type CollectedCookie = { name: string; httpOnly: boolean; secure: boolean; sameSite: "Strict" | "Lax" | "None"; expires: number };
export type CollectedStorageKey = { kind: Exclude<TStorageKind, "cookie">; key: string; origin: string };
export type AuditViolation = { kind: TStorageKind; name: string; problem: string };

// Clock skew between the server that set a cookie and the moment it is audited.
const TOLERANCE_SECONDS = 120;

function auditCookie(c: CollectedCookie, nowSeconds: number, https: boolean): string[] {
  const entry = findEntry("cookie", c.name);
  if (!entry) return ["not in the registry (lib/cookies.ts)"];
  const problems: string[] = [];
  const attrs = entry.attributes;
  if (attrs && c.httpOnly !== attrs.httpOnly) problems.push(`HttpOnly is ${c.httpOnly}, registry says ${attrs.httpOnly}`);
  if (attrs && c.sameSite !== attrs.sameSite) problems.push(`SameSite is ${c.sameSite}, registry says ${attrs.sameSite}`);
  const mustBeSecure = https || c.name === entry.secureName;
  if (mustBeSecure && !c.secure) problems.push("Secure is missing");
  if (https && entry.secureName && c.name !== entry.secureName) problems.push(`over HTTPS it must be named ${entry.secureName}`);
  const isSession = c.expires <= 0;
  if (entry.maxAgeSeconds === undefined && !isSession) problems.push(`expires at ${c.expires}, registry says it ends with the browser session`);
  if (entry.maxAgeSeconds !== undefined) {
    if (isSession) problems.push(`is a session cookie, registry says ${entry.lifetime}`);
    else if (c.expires - nowSeconds > entry.maxAgeSeconds + TOLERANCE_SECONDS) {
      problems.push(`lives ${Math.round((c.expires - nowSeconds) / 60)} minutes, registry says ${entry.lifetime}`);
    }
  }
  return problems;
}

/** Every cookie or storage key that is unregistered or differs from its registry entry. */
export function auditBrowserState(
  input: { cookies: CollectedCookie[]; storage: CollectedStorageKey[] },
  opts: { nowSeconds?: number; https?: boolean } = {},
): AuditViolation[] {
  const now = opts.nowSeconds ?? Math.floor(Date.now() / 1000);
  const violations: AuditViolation[] = [];
  for (const c of input.cookies) {
    for (const problem of auditCookie(c, now, opts.https ?? false)) violations.push({ kind: "cookie", name: c.name, problem });
  }
  for (const s of input.storage) {
    if (!findEntry(s.kind, s.key)) violations.push({ kind: s.kind, name: s.key, problem: `not in the registry (lib/cookies.ts), seen on ${s.origin}` });
  }
  return violations;
}
