import "server-only";
import { and, count, eq, gte, sql } from "drizzle-orm";
import { db } from "@/db";
import { endUsers, experiences } from "@/db/schema";
import type { TPlan } from "./config";

export type Usage = { monthlyActiveUsers: number; liveExperiences: number };
export type OverLimit = { metric: keyof Usage; label: string; used: number; limit: number };

const LABELS: Record<keyof Usage, string> = { monthlyActiveUsers: "monthly active end users", liveExperiences: "live experiences" };

/** End users seen in the last 30 days (days only: Herald keeps no finer trace) and live experiences. */
export async function workspaceUsage(workspaceId: string): Promise<Usage> {
  const [[users], [live]] = await Promise.all([
    db
      .select({ n: count() })
      .from(endUsers)
      .where(and(eq(endUsers.workspaceId, workspaceId), gte(endUsers.lastSeenDay, sql`current_date - 30`))),
    db
      .select({ n: count() })
      .from(experiences)
      .where(and(eq(experiences.workspaceId, workspaceId), eq(experiences.status, "live"))),
  ]);
  return { monthlyActiveUsers: users.n, liveExperiences: live.n };
}

/** The limits of `plan` that `usage` exceeds (null limits are unlimited). */
export function overLimits(plan: TPlan, usage: Usage): OverLimit[] {
  return (Object.keys(LABELS) as (keyof Usage)[]).flatMap((metric) => {
    const limit = plan.limits[metric];
    return limit !== null && usage[metric] > limit ? [{ metric, label: LABELS[metric], used: usage[metric], limit }] : [];
  });
}

/** The cheapest configured plan (in configuration order) whose limits fit the usage. */
export function planThatFits(plans: TPlan[], usage: Usage): TPlan | undefined {
  return plans.find((p) => overLimits(p, usage).length === 0);
}
