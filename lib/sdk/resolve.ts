import "server-only";
// POST /api/sdk/v1/resolve: the live experiences this end user is eligible for, in their locale.
// One cached read of the workspace and one read (at most one write) of the end user together with
// their per-experience state (experience_user_state): a single round trip for a returning end user.
// Checklists come with the tasks done (from the same state rows), and a resource center or checklist
// with the tours the end user may start again (`resources`).
import { sql } from "drizzle-orm";
import { db } from "@/db";
import type { TMatchSubject } from "@/lib/segments/evaluate";
import { doneTasks, referencedExperiences } from "@/lib/experiences/checklist";
import type { TTypedContent } from "@/lib/experiences/content";
import type { TResolveRequest, TResolveResponse, TSdkExperience, TSdkResources } from "@/lib/sdk-protocol";
import { readIdentity } from "@/lib/end-users/identity";
import { restartableTours, selectEligible, type TEligibilityInput, type THistory } from "./eligibility";
import { touchEndUser, type TSdkEndUser, type TStateRow } from "./end-user";
import { localizeContent } from "./localize-content";
import type { TLiveExperience, TSdkWorkspace } from "./workspace-cache";

/** The eligibility history plus what checklists need: completions and recorded tasks. */
type TState = THistory & { completed: boolean; doneTasks: string[] };

function historyOf(rows: TStateRow[]): Map<string, TState> {
  return new Map(
    rows.map((r) => [r.id, { viewed: r.viewed, finished: r.finished, viewedToday: r.viewed_today, heldOut: r.held_out, completed: r.completed, doneTasks: r.done_tasks ?? [] }]),
  );
}

/** A checklist's done tasks: recorded ones, and experience tasks whose tour or survey this end user completed. */
function checklistDone(typed: TTypedContent, id: string, history: ReadonlyMap<string, TState>): string[] | undefined {
  if (typed.type !== "checklist") return undefined;
  const completed = new Set(referencedExperiences(typed.content).filter((x) => history.get(x)?.completed));
  return doneTasks(typed.content, { recorded: new Set(history.get(id)?.doneTasks), completedExperiences: completed });
}

function resourcesFor(ws: TSdkWorkspace, input: TEligibilityInput<TLiveExperience>, chosen: TLiveExperience[], locale: string | undefined): TSdkResources | undefined {
  if (!chosen.some((e) => e.type === "resource_center" || e.type === "checklist")) return undefined;
  const named = new Set(chosen.flatMap((e) => (e.typed.type === "checklist" ? referencedExperiences(e.typed.content) : [])));
  const tours = restartableTours(input, named).flatMap((e) => {
    const typed = localizeContent(e.typed, e.translations, { locale, defaultLocale: ws.settings.defaultLocale });
    return typed.type === "tour" ? [{ id: e.id, title: typed.content.title || typed.content.steps[0].title, content: typed.content }] : [];
  });
  return { tours };
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
  const user = await touchEndUser(ws.id, req.anonymousId, req.attributes, db, { withState: ws.experiences.length > 0 });
  const subject: TMatchSubject = { attributes: user.attributes, traits: ws.needsTraits ? await traitsOf(ws.id, user) : {} };
  const history = historyOf(user.state);
  const input: TEligibilityInput<TLiveExperience> = {
    experiences: ws.experiences,
    segments: ws.segments,
    subject,
    url: req.url,
    history,
    sessionSeen: new Set(req.sessionSeen),
    limits: ws.settings.limits,
    holdoutBucket: user.holdoutBucket,
  };
  const { chosen, heldOut } = selectEligible(input);
  await recordHeldOut(ws.id, user.id, heldOut.filter((e) => !history.get(e.id)?.heldOut).map((e) => e.id));
  const experiences: TSdkExperience[] = chosen.map((e) => ({
    id: e.id,
    frequency: e.frequency,
    priority: e.priority,
    ...(e.type === "checklist" && { done: checklistDone(e.typed, e.id, history) }),
    ...localizeContent(e.typed, e.translations, { locale: req.locale, defaultLocale: ws.settings.defaultLocale }),
  }));
  const resources = resourcesFor(ws, input, chosen, req.locale);
  return {
    experiences,
    goals: ws.urlGoals,
    ...(resources && { resources }),
    theme: ws.settings.theme,
    changelog: { latestPublishedAt: ws.latestPostAt?.toISOString() ?? null },
  };
}
