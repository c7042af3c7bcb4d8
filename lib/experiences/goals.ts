// Did an experience work? Of the end users who saw it, how many reached its goal within N days, and
// the same for the eligible end users held out of it (the control group). One SQL query per experience.
import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db";
import type { Experience } from "@/db/schema";
import { ZGoal, type TGoal } from "./content";

export type TGroupConversion = { users: number; converted: number; rate: number | null };
export type TGoalResults = { goal: TGoal; seen: TGroupConversion; heldOut: TGroupConversion | null };

const group = (users: number, converted: number): TGroupConversion => ({ users, converted, rate: users > 0 ? converted / users : null });

/** The stored goal, or null when there is none (or it no longer validates). */
export function readGoal(raw: unknown): TGoal | null {
  const parsed = ZGoal.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/**
 * t0 is when the end user first saw the experience (seen group) or was held out of it; someone held
 * out who saw it later (the share was lowered) counts as seen. The goal is reached by an event in
 * (t0, t0 + withinDays]: a tracked event of that name, or the SDK's URL-goal page event for this
 * experience. The state rows come by experience id, the events by (end_user_id, occurred_at).
 */
export async function goalResults(workspaceId: string, experience: Pick<Experience, "id" | "goal" | "holdoutPercent">): Promise<TGoalResults | null> {
  const goal = readGoal(experience.goal);
  if (!goal) return null;
  const reached =
    goal.kind === "event"
      ? sql`e.type = 'track' and e.name = ${goal.value}`
      : sql`e.type = 'page' and e.experience_id = ${experience.id}`;
  const result = await db.execute(sql`
    select g.seen,
      count(*)::int as users,
      count(*) filter (where exists (
        select 1 from experience_events e
        where e.end_user_id = g.end_user_id and e.workspace_id = ${workspaceId}
          and e.occurred_at > g.t0 and e.occurred_at <= g.t0 + make_interval(days => ${goal.withinDays}::int)
          and ${reached}
      ))::int as converted
    from (
      select s.end_user_id, s.first_viewed_at is not null as seen, coalesce(s.first_viewed_at, s.held_out_at) as t0
      from experience_user_state s
      where s.experience_id = ${experience.id} and s.workspace_id = ${workspaceId}
        and (s.first_viewed_at is not null or s.held_out_at is not null)
    ) g
    group by g.seen`);
  const rows = (result as unknown as { rows: { seen: boolean; users: number; converted: number }[] }).rows;
  const of = (seen: boolean) => rows.find((r) => r.seen === seen) ?? { users: 0, converted: 0 };
  const seen = of(true);
  const held = of(false);
  return {
    goal,
    seen: group(seen.users, seen.converted),
    // No hold-out share now and nobody held out before: there is no control group to show.
    heldOut: experience.holdoutPercent > 0 || held.users > 0 ? group(held.users, held.converted) : null,
  };
}
