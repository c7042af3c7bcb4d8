// Configuration and browser storage. The only keys the SDK stores are the four in lib/cookies.ts (the
// cookie registry; the cookie-audit e2e fails on any other); nothing here identifies the device.
import type { TSdkEvent } from "@/lib/sdk-protocol";

export const cfg = { key: "", api: "", locale: undefined as string | undefined, badge: "", extras: "" };

const ANON = "herald.anonymousId";
export const SEEN_AT = "herald.changelogSeenAt";
const QUEUE = "herald.queue";
const SESSION = "herald.session";

// Storage can be missing or throw (privacy modes, sandboxed frames): fall back to memory for this page.
const mem: Record<string, string> = {};
export function get(k: string, session?: boolean): string | null {
  try {
    return (session ? sessionStorage : localStorage).getItem(k);
  } catch {
    return k in mem ? mem[k] : null;
  }
}
export function set(k: string, v: string | null, session?: boolean): void {
  try {
    const s = session ? sessionStorage : localStorage;
    if (v == null) s.removeItem(k);
    else s.setItem(k, v);
  } catch {
    if (v == null) delete mem[k];
    else mem[k] = v;
  }
}
function list<T>(k: string, session?: boolean): T[] {
  try {
    const v = JSON.parse(get(k, session) || "[]");
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

/** A random v4 UUID; getRandomValues where randomUUID is missing (plain-HTTP pages). */
export function uuid(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 15) | 64;
  b[8] = (b[8] & 63) | 128;
  const x = Array.from(b, (n) => (n + 256).toString(16).slice(1)).join("");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

export function anonymousId(renew?: boolean): string {
  let id = get(ANON);
  if (renew || !id || !/^[\w-]{8,64}$/.test(id)) set(ANON, (id = uuid()));
  return id;
}

/** Experiences shown in this tab (sent as sessionSeen); only well-formed ids, the latest 100. */
export function sessionSeen(): string[] {
  return list<string>(SESSION, true).filter((id) => /^[\da-f-]{36}$/i.test(String(id))).slice(-100);
}
export function addSeen(id: string): void {
  const ids = sessionSeen();
  if (!ids.includes(id)) set(SESSION, JSON.stringify([...ids, id].slice(-100)), true);
}
export const clearSeen = () => set(SESSION, null, true);

export type TQueued = TSdkEvent;
/** Unsent events; the storage copy is the truth so that several tabs add to one queue. */
export const loadQueue = () => list<TQueued>(QUEUE);
export function saveQueue(q: TQueued[]): void {
  // Bounded: an offline page must not fill the site's storage.
  set(QUEUE, q.length ? JSON.stringify(q.slice(-500)) : null);
}

let warned = false;
/** At most one console line per page: the host page's console belongs to the customer. */
export function warn(e: unknown): void {
  if (!warned) console.warn("[herald]", e);
  warned = true;
}
