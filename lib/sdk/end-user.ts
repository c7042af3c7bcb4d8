import "server-only";
// The end user behind an SDK request, found by its random anonymous id (or an alias, once several
// devices were linked by identify) and created on first sight. Only the day of the visit is kept.
import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { db } from "@/db";
import type { TAttributes } from "@/lib/sdk-protocol";

export type TSdkEndUser = {
  id: string;
  attributes: Record<string, unknown>;
  externalId: string | null;
  identified: boolean;
  holdoutBucket: number;
};

/** One experience_user_state row as resolve reads it (snake_case, straight from SQL). */
export type TStateRow = { id: string; viewed: boolean; finished: boolean; viewed_today: boolean; held_out: boolean; completed: boolean; done_tasks: string[] | null };

type Row = { id: string; attributes: Record<string, unknown>; external_id: string | null; identified: boolean; seen_today: boolean; holdout_bucket: number; state?: TStateRow[] };

// Read with the end user in the same round trip when resolve needs it (the hot path).
const STATE = sql`, (select coalesce(json_agg(json_build_object(
    'id', s.experience_id, 'viewed', s.first_viewed_at is not null, 'finished', s.completed_at is not null or s.dismissed_at is not null,
    'viewed_today', coalesce(s.last_viewed_at >= date_trunc('day', now()), false), 'held_out', s.held_out_at is not null,
    'completed', s.completed_at is not null, 'done_tasks', s.done_tasks)), '[]'::json)
  from experience_user_state s where s.end_user_id = u.id and s.workspace_id = u.workspace_id) as state`;

async function find(exec: Executor, workspaceId: string, anonymousId: string, withState = false): Promise<Row | undefined> {
  const { rows } = (await exec.execute(sql`
    select u.id, u.attributes, u.external_id, u.holdout_bucket, (i.end_user_id is not null) as identified, (u.last_seen_day = current_date) as seen_today${withState ? STATE : sql``}
    from end_users u left join end_user_identities i on i.end_user_id = u.id
    where u.workspace_id = ${workspaceId}
      and (u.anonymous_id = ${anonymousId}
        or u.id = (select a.end_user_id from end_user_aliases a where a.workspace_id = ${workspaceId} and a.anonymous_id = ${anonymousId}))
    limit 1`)) as unknown as { rows: Row[] };
  return rows[0];
}

/** `stored` with `sent` merged over it; a null value removes the attribute. */
export function mergeAttributes(stored: Record<string, unknown>, sent: TAttributes | undefined): Record<string, unknown> {
  if (!sent) return stored;
  const out = { ...stored };
  for (const [k, v] of Object.entries(sent)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

function sameAttributes(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.is(a[k], b[k]));
}

/**
 * Finds or creates the end user, stores newly sent attributes and marks today as seen. Writes only
 * when something changed, so that repeated resolves of one end user cost a single read (which also
 * brings their experience state with `withState`).
 */
export async function touchEndUser(
  workspaceId: string,
  anonymousId: string,
  sent?: TAttributes,
  exec: Executor = db,
  opts: { withState?: boolean } = {},
): Promise<TSdkEndUser & { state: TStateRow[] }> {
  let row = await find(exec, workspaceId, anonymousId, opts.withState);
  if (!row) {
    const attributes = mergeAttributes({}, sent);
    await exec.execute(sql`
      insert into end_users (workspace_id, anonymous_id, attributes) values (${workspaceId}, ${anonymousId}, ${JSON.stringify(attributes)}::jsonb)
      on conflict (workspace_id, anonymous_id) do nothing`);
    row = await find(exec, workspaceId, anonymousId, opts.withState);
    if (!row) throw new Error("end user vanished after insert");
  }
  const attributes = mergeAttributes(row.attributes ?? {}, sent);
  const changed = !sameAttributes(attributes, row.attributes ?? {});
  if (changed || !row.seen_today) {
    await exec.execute(sql`
      update end_users set last_seen_day = current_date${changed ? sql`, attributes = ${JSON.stringify(attributes)}::jsonb` : sql``}
      where id = ${row.id} and workspace_id = ${workspaceId}`);
  }
  return { id: row.id, attributes, externalId: row.external_id, identified: row.identified, holdoutBucket: Number(row.holdout_bucket), state: row.state ?? [] };
}
