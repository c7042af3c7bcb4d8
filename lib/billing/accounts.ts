import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { billingAccounts, type BillingAccount } from "@/db/schema";
import { billingConfig } from "./config";
import type { CardFacts, SubscriptionFacts } from "./stripe-state";

/** The workspace's billing row; a workspace that never touched billing is on the free plan. */
export async function getBillingAccount(workspaceId: string): Promise<BillingAccount> {
  const [row] = await db.select().from(billingAccounts).where(eq(billingAccounts.workspaceId, workspaceId));
  return (
    row ?? {
      workspaceId,
      stripeCustomerId: null,
      stripeSubscriptionId: null,
      plan: billingConfig().freePlan.id,
      status: "active",
      currentPeriodEnd: null,
      cancelAtPeriodEnd: false,
      cardBrand: null,
      cardLast4: null,
      cardholderName: null,
      stripeStateAt: null,
      updatedAt: new Date(0),
    }
  );
}

/** Locks the row for the rest of the transaction (webhook deliveries for one workspace serialise). */
export async function lockBillingAccount(tx: Executor, workspaceId: string): Promise<BillingAccount | undefined> {
  const [row] = await tx.select().from(billingAccounts).where(eq(billingAccounts.workspaceId, workspaceId)).for("update");
  return row;
}

/** Records the Stripe customer once; a concurrent request that created the same customer (same idempotency key) is a no-op. */
export async function saveCustomerId(workspaceId: string, stripeCustomerId: string): Promise<string> {
  await db.insert(billingAccounts).values({ workspaceId, plan: billingConfig().freePlan.id }).onConflictDoNothing();
  await db
    .update(billingAccounts)
    .set({ stripeCustomerId, updatedAt: new Date() })
    .where(and(eq(billingAccounts.workspaceId, workspaceId), isNull(billingAccounts.stripeCustomerId)));
  return (await getBillingAccount(workspaceId)).stripeCustomerId!;
}

export async function findWorkspaceIdByCustomer(exec: Executor, stripeCustomerId: string): Promise<string | undefined> {
  const [row] = await exec
    .select({ workspaceId: billingAccounts.workspaceId })
    .from(billingAccounts)
    .where(eq(billingAccounts.stripeCustomerId, stripeCustomerId));
  return row?.workspaceId;
}

/**
 * Writes Stripe-derived facts, and only these columns. `stateAt` (a webhook event's `created`)
 * moves forward only, so that an older event arriving late cannot win.
 */
export async function saveFacts(
  exec: Executor,
  workspaceId: string,
  facts: Partial<CardFacts & SubscriptionFacts>,
  stateAt?: Date,
): Promise<void> {
  await exec
    .update(billingAccounts)
    .set({
      ...facts,
      ...(stateAt ? { stripeStateAt: sql`greatest(${billingAccounts.stripeStateAt}, ${stateAt.toISOString()}::timestamptz)` } : {}),
      updatedAt: new Date(),
    })
    .where(eq(billingAccounts.workspaceId, workspaceId));
}
