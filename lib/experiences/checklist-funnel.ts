import "server-only";
// A checklist's completion funnel for the dashboard: of the end users who saw it, how many have done
// each task, and how many finished it. One SQL aggregation over experience_user_state (which outlives
// raw events): recorded tasks from done_tasks, experience tasks from that tour's or survey's completions.
import { sql } from "drizzle-orm";
import { db } from "@/db";
import type { TChecklistContent } from "./content";

export type TChecklistFunnel = { saw: number; completed: number; tasks: { id: string; label: string; done: number }[] };

type Row = { task_id: string | null; saw: number; completed: number; done: number };

export async function checklistFunnel(workspaceId: string, experienceId: string, content: TChecklistContent): Promise<TChecklistFunnel> {
  const tasks = content.tasks.map((t) => ({ id: t.id, exp: t.completeWhen.kind === "experience_completed" ? t.completeWhen.experienceId : null }));
  const { rows } = (await db.execute(sql`
    with viewers as (
      select end_user_id, done_tasks, completed_at from experience_user_state
      where workspace_id = ${workspaceId} and experience_id = ${experienceId} and first_viewed_at is not null
    ), per_task as (
      select t.id as task_id, count(v.end_user_id) filter (where t.id = any(v.done_tasks) or (t.exp is not null and exists (
        select 1 from experience_user_state o
        where o.workspace_id = ${workspaceId} and o.end_user_id = v.end_user_id and o.experience_id = t.exp and o.completed_at is not null
      )))::int as done
      from jsonb_to_recordset(${JSON.stringify(tasks)}::jsonb) as t(id text, exp uuid) cross join viewers v
      group by t.id
    )
    select null as task_id, count(*)::int as saw, (count(*) filter (where completed_at is not null))::int as completed, 0 as done from viewers
    union all
    select task_id, 0, 0, done from per_task`)) as unknown as { rows: Row[] };
  const totals = rows.find((r) => r.task_id === null);
  const done = new Map(rows.filter((r) => r.task_id !== null).map((r) => [r.task_id, Number(r.done)]));
  return {
    saw: Number(totals?.saw ?? 0),
    completed: Number(totals?.completed ?? 0),
    tasks: content.tasks.map((t) => ({ id: t.id, label: t.label, done: done.get(t.id) ?? 0 })),
  };
}
