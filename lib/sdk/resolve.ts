import "server-only";
// POST /api/sdk/v1/resolve: the live experiences this end user is eligible for, in their locale.
// One cached read of the workspace, one read (and at most one write) of the end user, and one read
// of their per-experience state (experience_user_state), only when the workspace has live experiences.
import { sql } from "drizzle-orm";
import { db } from "@/db";
import type { TMatchSubject } from "@/lib/segments/evaluate";
import type { TResolveRequest, TResolveResponse, TSdkExperience } from "@/lib/sdk-protocol";
import { readIdentity } from "@/lib/end-users/identity";
import { selectEligible, type THistory } from "./eligibility";
import { touchEndUser, type TSdkEndUser } from "./end-user";
import { localizeContent } from "./localize-content";
import type { TSdkWorkspace } from "./workspace-cache";

async function historyOf(workspaceId: string, endUserId: string): Promise<Map<string, THistory>> {
  const { rows } = (await db.execute(sql`
    select experience_id as id, first_viewed_at is not null as viewed, (completed_at is not null or dismissed_at is not null) as finished,
      coalesce(last_viewed_at >= date_trunc('day', now()), false) as viewed_today, held_out_at is not null as held_out
    from experience_user_state where end_user_id = ${endUserId} and workspace_id = ${workspaceId}`)) as unknown as {
    rows: Array<{ id: string; viewed: boolean; finished: boolean; viewed_today: boolean; held_out: boolean }>;
  };
  return new Map(rows.map((r) => [r.id, { viewed: r.viewed, finished: r.finished, viewedToday: r.viewed_today, heldOut: r.held_out }]));
}

/** Remembers, once, that this end user was eligible but held out: the goal's control group. */
async function recordHeldOut(workspaceId: string, endUserId: string, experienceIds: string[]): Promise<void> {
  if (!experienceIds.length) return;
  await db.execute(sql`
    insert into experience_user_state (workspace_id, end_user_id, experience_id, held_out_at, last_event_at)
    select ${workspaceId}, ${endUserId}, id, now(), now() from unnest(${`{${experienceIds.join(",")}}`}::uuid[]) as id
    on conflict (end_user_id, experience_id) do update set held_out_at = coalesce(experience_user_state.held_out_at, excluded.held_out_at)`);
}

async function traitsOf(workspaceId: string, user: TSdkEndUser): Promise<Record<string, unknown>> {
  if (!user.identified) return {};
  const { rows } = (await db.execute(sql`
    select email_enc as "emailEnc", name_enc as "nameEnc", username_enc as "usernameEnc" from end_user_identities
    where end_user_id = ${user.id} and workspace_id = ${workspaceId}`)) as unknown as { rows: Array<{ emailEnc: string | null; nameEnc: string | null; usernameEnc: string | null }> };
  if (!rows[0]) return {};
  const identity = readIdentity(rows[0]);
  return Object.fromEntries(Object.entries(identity).filter(([, v]) => v !== null));
}

export async function resolveExperiences(ws: TSdkWorkspace, req: TResolveRequest & { sessionSeen: string[] }): Promise<TResolveResponse> {
  const user = await touchEndUser(ws.id, req.anonymousId, req.attributes);
  const subject: TMatchSubject = { attributes: user.attributes, traits: ws.needsTraits ? await traitsOf(ws.id, user) : {} };
  const history = ws.experiences.length ? await historyOf(ws.id, user.id) : new Map<string, THistory>();
  const { chosen, heldOut } = selectEligible({
    experiences: ws.experiences,
    segments: ws.segments,
    subject,
    url: req.url,
    history,
    sessionSeen: new Set(req.sessionSeen),
    limits: ws.settings.limits,
    holdoutBucket: user.holdoutBucket,
  });
  await recordHeldOut(ws.id, user.id, heldOut.filter((e) => !history.get(e.id)?.heldOut).map((e) => e.id));
  const experiences: TSdkExperience[] = chosen.map((e) => ({
    id: e.id,
    frequency: e.frequency,
    priority: e.priority,
    ...localizeContent(e.typed, e.translations, { locale: req.locale, defaultLocale: ws.settings.defaultLocale }),
  }));
  return { experiences, goals: ws.urlGoals, theme: ws.settings.theme, changelog: { latestPublishedAt: ws.latestPostAt?.toISOString() ?? null } };
}
