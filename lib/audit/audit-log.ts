import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db";
import { auditLog, users } from "@/db/schema";

/** What an admin did with an end user's personal data (DESIGN.md §2, audit_log). */
export const ZAuditAction = z.enum(["view_person", "export_person", "erase_person", "export_survey_responses"]);
export type TAuditAction = z.infer<typeof ZAuditAction>;

export const AUDIT_LABELS: Record<TAuditAction, string> = {
  view_person: "Viewed personal data",
  export_person: "Exported personal data",
  erase_person: "Erased personal data",
  export_survey_responses: "Exported survey responses",
};

export async function recordAudit(
  exec: Executor,
  workspaceId: string,
  entry: { actorUserId: string; action: TAuditAction; targetType: "end_user" | "survey"; targetId: string },
): Promise<void> {
  await exec.insert(auditLog).values({ workspaceId, ...entry, action: ZAuditAction.parse(entry.action) });
}

export const AUDIT_PAGE_SIZE = 50;

/** Newest first; the actor's name and email come from the admins' own table. */
export async function listAudit(workspaceId: string, page = 1) {
  const offset = (Math.max(1, Math.floor(page)) - 1) * AUDIT_PAGE_SIZE;
  const where = eq(auditLog.workspaceId, workspaceId);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        action: auditLog.action,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        createdAt: auditLog.createdAt,
        actorName: users.name,
        actorEmail: users.email,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset(offset),
    db.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { rows, total };
}
