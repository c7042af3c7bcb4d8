import "server-only";
import { z } from "zod";
import { problem } from "@/lib/http/problem";
import { getBillingAccount } from "./accounts";
import { billingConfig, findPlan } from "./config";
import { toBillingError } from "./errors";
import { ZIdempotencyKey } from "./operations";

// Request schemas and the shared plumbing of the billing route handlers (app/api/w/[slug]/billing/…).

const idempotencyKey = { idempotencyKey: ZIdempotencyKey.optional() };

export const ZBillingRequest = z.object(idempotencyKey).strict();
export const ZConfirmCard = z
  .object({ ...idempotencyKey, setupIntentId: z.string().trim().regex(/^seti_[A-Za-z0-9]{1,100}$/, "setupIntentId must be a SetupIntent id (seti_…).") })
  .strict();
export const ZChangePlan = z.object({ ...idempotencyKey, plan: z.string().trim().min(1, "Choose a plan.").max(32) }).strict();
export const ZCancellation = z.object({ ...idempotencyKey, cancelAtPeriodEnd: z.boolean({ error: "cancelAtPeriodEnd must be true or false." }) }).strict();

/**
 * Runs a billing operation with the request's idempotency key (Idempotency-Key header, or the
 * body's idempotencyKey); answers its result with the workspace's billing summary, or the one
 * JSON error format.
 */
export async function billingResponse(
  req: Request,
  input: { idempotencyKey?: string },
  workspaceId: string,
  op: (key: string) => Promise<object | void>,
): Promise<Response> {
  if (!billingConfig().stripe.enabled) return problem(503, "Billing is not enabled on this installation.");
  const key = ZIdempotencyKey.safeParse(req.headers.get("idempotency-key") ?? input.idempotencyKey);
  if (!key.success) {
    const sent = req.headers.has("idempotency-key") || input.idempotencyKey !== undefined;
    return problem(400, sent ? key.error.issues[0].message : "Send an Idempotency-Key header so that a repeated request does not act twice.");
  }
  try {
    const result = await op(key.data);
    return Response.json({ ...result, billing: await billingSummary(workspaceId) });
  } catch (error) {
    const e = toBillingError(error);
    return problem(e.status, e.message);
  }
}

/** What the dashboard may read about a workspace's billing: never more than brand, last 4, name. */
export async function billingSummary(workspaceId: string) {
  const account = await getBillingAccount(workspaceId);
  const plan = findPlan(account.plan) ?? billingConfig().freePlan;
  return {
    plan: { id: plan.id, name: plan.name },
    status: account.status,
    currentPeriodEnd: account.currentPeriodEnd?.toISOString() ?? null,
    cancelAtPeriodEnd: account.cancelAtPeriodEnd,
    card: account.cardLast4 ? { brand: account.cardBrand, last4: account.cardLast4, name: account.cardholderName } : null,
  };
}
export type TBillingSummary = Awaited<ReturnType<typeof billingSummary>>;
