"use client";

import type { CardSummary } from "@/lib/billing/format";

export type BillingState = { card: CardSummary | null };
type Result<T> = { ok: true; data: T } | { ok: false; message: string };

/** A fresh idempotency key per user intent; retries of that intent reuse it. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** Calls a billing route of this workspace; failures come back as a message to show. */
export async function callBilling<T = { billing: BillingState }>(
  slug: string,
  path: "setup-intent" | "payment-method" | "subscription",
  method: "POST" | "PATCH",
  body: Record<string, unknown>,
  idempotencyKey: string,
): Promise<Result<T>> {
  try {
    const res = await fetch(`/api/w/${encodeURIComponent(slug)}/billing/${path}`, {
      method,
      headers: { "content-type": "application/json", "idempotency-key": idempotencyKey },
      body: JSON.stringify(body),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) return { ok: false, message: json?.error?.message ?? `Herald answered ${res.status}. Try again.` };
    return { ok: true, data: json as T };
  } catch {
    return { ok: false, message: "Herald could not be reached. Check your connection and try again." };
  }
}
