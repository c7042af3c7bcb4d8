import "server-only";
import { and, desc, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { experiences, experienceTypeEnum, experienceUserState, segments } from "@/db/schema";
import { ZExperienceStatus } from "./input";

export const EXPERIENCES_PAGE_SIZE = 20;

const optional = <S extends z.ZodType>(s: S) => s.optional().catch(undefined);

/** List filters as they arrive in the URL; anything malformed is ignored rather than an error. */
export const ZExperienceFilters = z.object({
  type: optional(z.enum(experienceTypeEnum.enumValues)),
  status: optional(ZExperienceStatus),
  q: optional(z.string().trim().max(100)),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type TExperienceFilters = z.infer<typeof ZExperienceFilters>;

/**
 * One page of experiences with their reach: views (view events), and completion rate (distinct end
 * users who completed / distinct end users who saw it), aggregated in SQL over the page's ids only.
 */
export async function listExperiences(workspaceId: string, filters: Partial<TExperienceFilters> = {}) {
  const f = ZExperienceFilters.parse(filters);
  const where: SQL[] = [eq(experiences.workspaceId, workspaceId)];
  if (f.type) where.push(eq(experiences.type, f.type));
  if (f.status) where.push(eq(experiences.status, f.status));
  if (f.q) where.push(ilike(experiences.name, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: experiences.id,
        name: experiences.name,
        type: experiences.type,
        status: experiences.status,
        updatedAt: experiences.updatedAt,
        segmentId: experiences.segmentId,
        segmentName: segments.name,
      })
      .from(experiences)
      .leftJoin(segments, and(eq(segments.id, experiences.segmentId), eq(segments.workspaceId, workspaceId)))
      .where(and(...where))
      .orderBy(desc(experiences.updatedAt), desc(experiences.id))
      .limit(EXPERIENCES_PAGE_SIZE)
      .offset((f.page - 1) * EXPERIENCES_PAGE_SIZE),
    db.select({ total: sql<number>`count(*)::int` }).from(experiences).where(and(...where)),
  ]);
  const stats = await experienceStats(workspaceId, rows.map((r) => r.id));
  return {
    total,
    page: f.page,
    pageCount: Math.max(1, Math.ceil(total / EXPERIENCES_PAGE_SIZE)),
    rows: rows.map((r) => ({ ...r, ...(stats.get(r.id) ?? { views: 0, viewers: 0, completers: 0 }), completionRate: rate(stats.get(r.id)) })),
  };
}

function rate(s: { viewers: number; completers: number } | undefined): number | null {
  return s && s.viewers > 0 ? Math.min(1, s.completers / s.viewers) : null;
}

/** Reach from experience_user_state, so that it survives the retention of raw events. */
export async function experienceStats(workspaceId: string, ids: string[]) {
  const out = new Map<string, { views: number; viewers: number; completers: number }>();
  if (ids.length === 0) return out;
  const s = experienceUserState;
  const rows = await db
    .select({
      id: s.experienceId,
      views: sql<number>`coalesce(sum(${s.views}), 0)::int`,
      viewers: sql<number>`(count(*) filter (where ${s.firstViewedAt} is not null))::int`,
      completers: sql<number>`(count(*) filter (where ${s.completedAt} is not null))::int`,
    })
    .from(s)
    .where(and(eq(s.workspaceId, workspaceId), inArray(s.experienceId, ids)))
    .groupBy(s.experienceId);
  for (const r of rows) out.set(r.id, { views: r.views, viewers: r.viewers, completers: r.completers });
  return out;
}
