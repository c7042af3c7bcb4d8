import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { experiences, segments, type Experience } from "@/db/schema";
import { fieldErrors } from "@/lib/http/field-errors";
import { invalidateSdkWorkspace } from "@/lib/sdk/workspace-cache";
import { checklistReferenceErrors } from "./checklist-data";
import { ZExperienceInput, type TExperienceStatus } from "./input";
import { checkTranslations } from "./translations";

type Saved = { ok: true; id: string } | { ok: false; fieldErrors: Record<string, string> };

export async function getExperience(workspaceId: string, id: string): Promise<Experience | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(experiences).where(and(eq(experiences.workspaceId, workspaceId), eq(experiences.id, id)));
  return row;
}

async function segmentBelongs(workspaceId: string, segmentId: string | null): Promise<boolean> {
  if (!segmentId) return true;
  const [row] = await db.select({ id: segments.id }).from(segments).where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, segmentId)));
  return Boolean(row);
}

/** Validates everything first, so that nothing partial is ever stored. */
async function validate(workspaceId: string, raw: unknown) {
  const parsed = ZExperienceInput.safeParse(raw);
  if (!parsed.success) return { ok: false as const, fieldErrors: fieldErrors(parsed.error) };
  if (!(await segmentBelongs(workspaceId, parsed.data.segmentId))) {
    return { ok: false as const, fieldErrors: { segmentId: "Choose a segment of this workspace." } };
  }
  const v = parsed.data;
  const references = v.typed.type === "checklist" ? await checklistReferenceErrors(workspaceId, v.typed.content) : {};
  if (Object.keys(references).length) return { ok: false as const, fieldErrors: references };
  return {
    ok: true as const,
    values: {
      name: v.name,
      type: v.typed.type,
      content: v.typed.content as Record<string, unknown>,
      trigger: v.trigger,
      frequency: v.frequency,
      priority: v.priority,
      segmentId: v.segmentId,
      // Sent by the editor; left out by older callers, so unchanged on update.
      ...(v.goal !== undefined && { goal: v.goal }),
      ...(v.holdoutPercent !== undefined && { holdoutPercent: v.holdoutPercent }),
      ...(v.translations !== undefined && { translations: checkTranslations(v.typed, v.translations).translations }),
    },
  };
}

export async function createExperience(workspaceId: string, raw: unknown): Promise<Saved> {
  const v = await validate(workspaceId, raw);
  if (!v.ok) return v;
  const [row] = await db.insert(experiences).values({ workspaceId, ...v.values }).returning({ id: experiences.id });
  return { ok: true, id: row.id };
}

/** The type is fixed at creation: an edit that changes it is refused. */
export async function updateExperience(workspaceId: string, id: string, raw: unknown): Promise<Saved | { ok: false; notFound: true }> {
  const current = await getExperience(workspaceId, id);
  if (!current) return { ok: false, notFound: true };
  const v = await validate(workspaceId, raw);
  if (!v.ok) return v;
  if (v.values.type !== current.type) return { ok: false, fieldErrors: { form: "The type of an experience cannot change." } };
  await db
    .update(experiences)
    .set({ ...v.values, updatedAt: new Date() })
    .where(and(eq(experiences.workspaceId, workspaceId), eq(experiences.id, id)));
  if (current.status === "live") await invalidateSdkWorkspace(workspaceId);
  return { ok: true, id };
}

/** Which status each move may start from: archived experiences come back only as drafts. */
const MOVES = {
  publish: { from: ["draft", "paused"], to: "live" },
  pause: { from: ["live"], to: "paused" },
  archive: { from: ["draft", "live", "paused"], to: "archived" },
  restore: { from: ["archived"], to: "draft" },
} as const satisfies Record<string, { from: readonly TExperienceStatus[]; to: TExperienceStatus }>;
export type TStatusMove = keyof typeof MOVES;
export const STATUS_MOVES = Object.keys(MOVES) as TStatusMove[];

export async function moveExperience(workspaceId: string, id: string, move: TStatusMove) {
  const current = await getExperience(workspaceId, id);
  if (!current) return { ok: false as const, error: "Not found." };
  const rule = MOVES[move];
  if (!(rule.from as readonly string[]).includes(current.status)) {
    return { ok: false as const, error: `A ${current.status} experience cannot be ${move === "pause" ? "paused" : `${move}ed`}.` };
  }
  await db
    .update(experiences)
    .set({ status: rule.to, updatedAt: new Date(), ...(rule.to === "live" && !current.publishedAt ? { publishedAt: new Date() } : {}) })
    .where(and(eq(experiences.workspaceId, workspaceId), eq(experiences.id, id)));
  // End users see the change at once, on every instance.
  await invalidateSdkWorkspace(workspaceId);
  return { ok: true as const, status: rule.to };
}

/** A copy as a draft, named "… (copy)", with the same content, targeting and settings. */
export async function duplicateExperience(workspaceId: string, id: string) {
  const current = await getExperience(workspaceId, id);
  if (!current) return undefined;
  const { workspaceId: ws, type, content, translations, segmentId, trigger, frequency, priority, goal, holdoutPercent } = current;
  const [row] = await db
    .insert(experiences)
    .values({ workspaceId: ws, type, content, translations, segmentId, trigger, frequency, priority, goal, holdoutPercent, name: `${current.name.slice(0, 113)} (copy)`, status: "draft" })
    .returning({ id: experiences.id });
  return row.id;
}

/** Experiences of this workspace that target these segments (archived ones too: they still reference it). */
export async function experiencesUsingSegments(workspaceId: string, segmentIds: string[]) {
  if (segmentIds.length === 0) return [];
  return db
    .select({ id: experiences.id, name: experiences.name, status: experiences.status, segmentId: experiences.segmentId })
    .from(experiences)
    .where(and(eq(experiences.workspaceId, workspaceId), inArray(experiences.segmentId, segmentIds)));
}

export function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
