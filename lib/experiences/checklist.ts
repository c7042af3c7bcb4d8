// Which tasks of a checklist an end user has done. Pure, shared by resolve, event ingest and the tests.
// Where each kind of task is decided:
//   url, click             only the browser sees them: the SDK sends a `task` event, accepted only for these kinds
//   event                  the server, when the tracked event arrives while the checklist is live (recorded at ingest)
//   experience_completed   the server, from experience_user_state.completed_at of that tour or survey, ever
// Recorded tasks live in experience_user_state.done_tasks (kept by a trigger), so progress survives the
// deletion of raw events and follows the end user across devices once identify merges them.
import type { TChecklistContent } from "./content";

export type TTask = TChecklistContent["tasks"][number];

/** What the server knows about one end user: tasks recorded for this checklist, experiences completed. */
export type TTaskFacts = { recorded: ReadonlySet<string>; completedExperiences: ReadonlySet<string> };

/** Kinds the browser reports with a `task` event (the server cannot observe them). */
export const reportedByBrowser = (task: TTask) => task.completeWhen.kind === "url" || task.completeWhen.kind === "click";

export function taskDone(task: TTask, facts: TTaskFacts): boolean {
  if (facts.recorded.has(task.id)) return true;
  return task.completeWhen.kind === "experience_completed" && facts.completedExperiences.has(task.completeWhen.experienceId);
}

/** Ids of the done tasks, in the checklist's order. */
export function doneTasks(content: TChecklistContent, facts: TTaskFacts): string[] {
  return content.tasks.filter((t) => taskDone(t, facts)).map((t) => t.id);
}

/** Whether the browser may report this task of this checklist (an unknown or server-decided task is refused). */
export function taskReportable(content: TChecklistContent, taskId: string): boolean {
  const task = content.tasks.find((t) => t.id === taskId);
  return Boolean(task && reportedByBrowser(task));
}

/** The tasks of these checklists that a tracked event of this name completes (names match exactly). */
export function tasksForTrack(checklists: readonly { id: string; content: TChecklistContent }[], name: string): { experienceId: string; taskId: string }[] {
  return checklists.flatMap((c) =>
    c.content.tasks.filter((t) => t.completeWhen.kind === "event" && t.completeWhen.name === name).map((t) => ({ experienceId: c.id, taskId: t.id })),
  );
}

/** Experiences (tours, surveys) that the checklists' tasks wait for or start: their ids, for lookups. */
export function referencedExperiences(content: TChecklistContent): string[] {
  const ids = content.tasks.flatMap((t) => [
    t.completeWhen.kind === "experience_completed" ? t.completeWhen.experienceId : undefined,
    t.action?.kind === "start_tour" ? t.action.experienceId : undefined,
  ]);
  return [...new Set(ids.filter((id): id is string => Boolean(id)))];
}
