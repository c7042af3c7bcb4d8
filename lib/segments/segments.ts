import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { endUsers, segments, type Segment } from "@/db/schema";
import { experiencesUsingSegments, isUuid } from "@/lib/experiences/experiences";
import { fieldErrors } from "@/lib/http/field-errors";
import { invalidateSdkWorkspace } from "@/lib/sdk/workspace-cache";
import { ZSegmentRules, type TRule } from "./rules-schema";

const NO_VALUE = new Set(["is_set", "is_not_set"]);

function missingValues(rule: TRule, path: (string | number)[], out: { path: (string | number)[] }[]) {
  if (rule.kind === "group") rule.children.forEach((c, i) => missingValues(c, [...path, "children", i], out));
  else if (!NO_VALUE.has(rule.operator) && (rule.value === undefined || rule.value === "" || (Array.isArray(rule.value) && rule.value.length === 0))) {
    out.push({ path: [...path, "value"] });
  }
}

export const ZSegmentInput = z
  .object({
    name: z.string().trim().min(1, "Give the segment a name.").max(80, "A name must be at most 80 characters."),
    description: z.string().trim().max(500, "A description must be at most 500 characters.").optional(),
    rules: ZSegmentRules,
  })
  .superRefine((v, ctx) => {
    const missing: { path: (string | number)[] }[] = [];
    missingValues(v.rules, ["rules"], missing);
    for (const m of missing) ctx.addIssue({ code: "custom", path: m.path, message: "Enter a value." });
  });
export type TSegmentInput = z.infer<typeof ZSegmentInput>;

type Saved = { ok: true; id: string } | { ok: false; fieldErrors: Record<string, string> };

export async function listSegments(workspaceId: string) {
  return db
    .select({
      id: segments.id,
      name: segments.name,
      description: segments.description,
      updatedAt: segments.updatedAt,
      usedBy: sql<number>`(select count(*)::int from experiences e where e.segment_id = "segments"."id" and e.workspace_id = ${workspaceId})`,
    })
    .from(segments)
    .where(eq(segments.workspaceId, workspaceId))
    .orderBy(asc(segments.name));
}

export async function getSegment(workspaceId: string, id: string): Promise<Segment | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(segments).where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)));
  return row;
}

export async function createSegment(workspaceId: string, raw: unknown): Promise<Saved> {
  const parsed = ZSegmentInput.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const { name, description, rules } = parsed.data;
  const [row] = await db.insert(segments).values({ workspaceId, name, description: description || null, rules }).returning({ id: segments.id });
  return { ok: true, id: row.id };
}

export async function updateSegment(workspaceId: string, id: string, raw: unknown): Promise<Saved | { ok: false; notFound: true }> {
  if (!(await getSegment(workspaceId, id))) return { ok: false, notFound: true };
  const parsed = ZSegmentInput.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const { name, description, rules } = parsed.data;
  await db
    .update(segments)
    .set({ name, description: description || null, rules, updatedAt: new Date() })
    .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)));
  await invalidateSdkWorkspace(workspaceId);
  return { ok: true, id };
}

/** Refuses while any experience still targets the segment, naming them, so nothing changes silently. */
export async function deleteSegment(workspaceId: string, id: string): Promise<{ ok: true } | { ok: false; error: string }> {
  if (!(await getSegment(workspaceId, id))) return { ok: false, error: "Not found." };
  const users = await experiencesUsingSegments(workspaceId, [id]);
  if (users.length > 0) {
    return { ok: false, error: `This segment is used by ${users.map((u) => `“${u.name}”`).join(", ")}. Change their targeting first.` };
  }
  await db.delete(segments).where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)));
  return { ok: true };
}

/** Traits known after identify (stored encrypted, so matched after decryption). */
export const TRAIT_KEYS = ["email", "name", "username"] as const;

/** The attribute keys end users of this workspace actually have, most common first. */
export async function suggestAttributes(workspaceId: string, limit = 100) {
  const result = await db.execute(sql`
    select k as key, count(*)::int as users
    from ${endUsers}, jsonb_object_keys(${endUsers.attributes}) as k
    where ${endUsers.workspaceId} = ${workspaceId}
    group by k order by 2 desc, 1 asc limit ${limit}`);
  return (result as unknown as { rows: { key: string; users: number }[] }).rows;
}
