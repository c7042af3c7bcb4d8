import "server-only";
import { and, asc, eq, max, min, sql } from "drizzle-orm";
import { db } from "@/db";
import { endUserAliases, endUserIdentities, endUsers, experienceEvents, experiences, surveyResponses } from "@/db/schema";
import { recordAudit } from "@/lib/audit/audit-log";
import { isUuid } from "@/lib/experiences/experiences";
import { readIdentity } from "./identity";

/** Everything Herald holds about one end user of this workspace, decrypted. */
async function loadPerson(workspaceId: string, endUserId: string) {
  if (!isUuid(endUserId)) return undefined;
  const [row] = await db
    .select({ user: endUsers, identity: endUserIdentities })
    .from(endUsers)
    .leftJoin(endUserIdentities, and(eq(endUserIdentities.endUserId, endUsers.id), eq(endUserIdentities.workspaceId, workspaceId)))
    .where(and(eq(endUsers.workspaceId, workspaceId), eq(endUsers.id, endUserId)));
  if (!row) return undefined;
  const scope = (col: typeof experienceEvents.workspaceId | typeof surveyResponses.workspaceId) => eq(col, workspaceId);
  const [aliases, seen, answers] = await Promise.all([
    db.select({ anonymousId: endUserAliases.anonymousId }).from(endUserAliases)
      .where(and(eq(endUserAliases.workspaceId, workspaceId), eq(endUserAliases.endUserId, endUserId))),
    db
      .select({
        experienceId: experiences.id,
        name: experiences.name,
        type: experiences.type,
        firstAt: min(experienceEvents.occurredAt),
        lastAt: max(experienceEvents.occurredAt),
        events: sql<string[]>`array_agg(distinct ${experienceEvents.type}::text)`,
      })
      .from(experienceEvents)
      .innerJoin(experiences, and(eq(experiences.id, experienceEvents.experienceId), eq(experiences.workspaceId, workspaceId)))
      .where(and(scope(experienceEvents.workspaceId), eq(experienceEvents.endUserId, endUserId)))
      .groupBy(experiences.id, experiences.name, experiences.type)
      .orderBy(asc(min(experienceEvents.occurredAt))),
    db
      .select({ surveyId: experiences.id, survey: experiences.name, content: experiences.content, questionId: surveyResponses.questionId, answer: surveyResponses.answer, at: surveyResponses.createdAt })
      .from(surveyResponses)
      .innerJoin(experiences, and(eq(experiences.id, surveyResponses.experienceId), eq(experiences.workspaceId, workspaceId)))
      .where(and(scope(surveyResponses.workspaceId), eq(surveyResponses.endUserId, endUserId)))
      .orderBy(asc(surveyResponses.createdAt)),
  ]);
  const { user, identity } = row;
  return {
    id: user.id,
    anonymousId: user.anonymousId,
    otherAnonymousIds: aliases.map((a) => a.anonymousId).filter((a) => a !== user.anonymousId),
    externalId: user.externalId,
    identified: Boolean(identity),
    traits: identity ? readIdentity(identity) : null,
    attributes: user.attributes,
    firstSeenDay: user.firstSeenDay,
    lastSeenDay: user.lastSeenDay,
    experiencesSeen: seen.map((s) => ({ ...s, events: [...s.events].sort() })),
    surveyAnswers: answers.map((a) => {
      const questions = (a.content as { questions?: { id: string; prompt: string }[] }).questions ?? [];
      return { surveyId: a.surveyId, survey: a.survey, questionId: a.questionId, question: questions.find((q) => q.id === a.questionId)?.prompt ?? a.questionId, answer: a.answer, at: a.at };
    }),
  };
}
export type TPerson = NonNullable<Awaited<ReturnType<typeof loadPerson>>>;

/** Opening a person's page reads personal data: the view is audited when there is any to read. */
export async function viewPerson(workspaceId: string, actorUserId: string, endUserId: string): Promise<TPerson | undefined> {
  const person = await loadPerson(workspaceId, endUserId);
  if (person?.identified) await recordAudit(db, workspaceId, { actorUserId, action: "view_person", targetType: "end_user", targetId: person.id });
  return person;
}

/** The person's data as a portable JSON document (a data-subject access request), audited. */
export async function exportPerson(workspaceId: string, actorUserId: string, endUserId: string) {
  const person = await loadPerson(workspaceId, endUserId);
  if (!person) return undefined;
  await recordAudit(db, workspaceId, { actorUserId, action: "export_person", targetType: "end_user", targetId: person.id });
  return { exportedAt: new Date().toISOString(), format: "herald.person.v1", person };
}

/**
 * Erasure: the identity row goes and the external id is cleared, so nothing links this end user to a
 * person any more; views and answers stay, now anonymous, so the aggregates do not change.
 */
export async function erasePerson(workspaceId: string, actorUserId: string, endUserId: string): Promise<boolean> {
  if (!isUuid(endUserId)) return false;
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(endUsers)
      .set({ externalId: null })
      .where(and(eq(endUsers.workspaceId, workspaceId), eq(endUsers.id, endUserId)))
      .returning({ id: endUsers.id });
    if (!user) return false;
    await tx.delete(endUserIdentities).where(and(eq(endUserIdentities.workspaceId, workspaceId), eq(endUserIdentities.endUserId, endUserId)));
    await recordAudit(tx, workspaceId, { actorUserId, action: "erase_person", targetType: "end_user", targetId: endUserId });
    return true;
  });
}
