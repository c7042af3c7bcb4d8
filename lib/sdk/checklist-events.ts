import "server-only";
// Checklist tasks at event ingest (rules in lib/experiences/checklist.ts): a `task` event from the
// browser is accepted only for a URL or click task of that checklist; a tracked event completes the
// event tasks of live checklists, recorded here as task events once per end user, so that progress is
// read from experience_user_state.done_tasks (kept by the events trigger) and never from raw events.
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { experienceUserState } from "@/db/schema";
import { taskReportable, tasksForTrack } from "@/lib/experiences/checklist";
import { ZChecklistContent, type TChecklistContent, type TTypedContent } from "@/lib/experiences/content";
import type { TSdkEvent } from "@/lib/sdk-protocol";

type TTaskEvent = Extract<TSdkEvent, { type: "task" }>;

export function taskAccepted(known: ReadonlyMap<string, { type: string; content: unknown }>, e: TTaskEvent): boolean {
  const exp = known.get(e.experienceId);
  if (exp?.type !== "checklist") return false;
  const parsed = ZChecklistContent.safeParse(exp.content);
  return parsed.success && taskReportable(parsed.data, e.taskId);
}

type TRow = { experienceId: string; taskId: string; clientEventId: string; at: number };

/** Task events that these newly stored tracked events complete, leaving out tasks already done. */
export async function tasksFromTracks(
  tx: Tx,
  workspaceId: string,
  endUserId: string,
  events: readonly TSdkEvent[],
  live: readonly { id: string; typed: TTypedContent }[],
): Promise<TRow[]> {
  const checklists = live.flatMap((e) => (e.typed.type === "checklist" ? [{ id: e.id, content: e.typed.content as TChecklistContent }] : []));
  if (!checklists.length) return [];
  const wanted = new Map<string, TRow>();
  for (const e of events) {
    if (e.type !== "track") continue;
    for (const t of tasksForTrack(checklists, e.name)) {
      const key = `${t.experienceId}/${t.taskId}`;
      if (!wanted.has(key)) wanted.set(key, { ...t, clientEventId: `${e.id}:${t.taskId}`, at: e.at });
    }
  }
  if (!wanted.size) return [];
  const s = experienceUserState;
  const states = await tx
    .select({ id: s.experienceId, done: s.doneTasks })
    .from(s)
    .where(and(eq(s.workspaceId, workspaceId), eq(s.endUserId, endUserId), inArray(s.experienceId, [...new Set([...wanted.values()].map((t) => t.experienceId))])));
  const done = new Set(states.flatMap((r) => r.done.map((task) => `${r.id}/${task}`)));
  return [...wanted].filter(([key]) => !done.has(key)).map(([, row]) => row);
}
