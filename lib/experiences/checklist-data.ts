import "server-only";
// Reads behind the checklist builder: the tours and surveys a task can wait for or start, and the
// check that a saved checklist only names experiences of its own workspace, of the right type.
import { and, eq, inArray, ne } from "drizzle-orm";
import { db } from "@/db";
import { experiences } from "@/db/schema";
import type { TChecklistContent } from "./content";

/** Tours and surveys of this workspace that are not archived, by name. */
export async function listTaskTargets(workspaceId: string): Promise<{ id: string; name: string; type: string }[]> {
  return db
    .select({ id: experiences.id, name: experiences.name, type: experiences.type })
    .from(experiences)
    .where(and(eq(experiences.workspaceId, workspaceId), inArray(experiences.type, ["tour", "survey"]), ne(experiences.status, "archived")))
    .orderBy(experiences.name)
    .limit(500);
}

/** Field errors for tasks naming an experience that is not a tour (or survey) of this workspace. */
export async function checklistReferenceErrors(workspaceId: string, content: TChecklistContent): Promise<Record<string, string>> {
  const wanted = content.tasks.flatMap((t) => [
    t.completeWhen.kind === "experience_completed" ? t.completeWhen.experienceId : [],
    t.action?.kind === "start_tour" ? t.action.experienceId : [],
  ]).flat();
  if (!wanted.length) return {};
  const rows = await db
    .select({ id: experiences.id, type: experiences.type })
    .from(experiences)
    .where(and(eq(experiences.workspaceId, workspaceId), inArray(experiences.id, [...new Set(wanted)])));
  const typeOf = new Map(rows.map((r) => [r.id, r.type]));
  const errors: Record<string, string> = {};
  content.tasks.forEach((t, i) => {
    if (t.completeWhen.kind === "experience_completed" && !["tour", "survey"].includes(typeOf.get(t.completeWhen.experienceId) ?? "")) {
      errors[`typed.content.tasks.${i}.completeWhen.experienceId`] = "Choose a tour or survey of this workspace.";
    }
    if (t.action?.kind === "start_tour" && typeOf.get(t.action.experienceId) !== "tour") {
      errors[`typed.content.tasks.${i}.action.experienceId`] = "Choose a tour of this workspace.";
    }
  });
  return errors;
}
