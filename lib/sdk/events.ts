import "server-only";
// POST /api/sdk/v1/events: a batch of views, steps, completions, dismissals, clicks, tracked events
// and survey answers, written in one transaction. The client event id is unique per workspace, so a
// retried batch (or a beacon followed by a fetch) stores nothing twice.
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { experienceEvents, experiences, surveyResponses } from "@/db/schema";
import { ZSurveyContent } from "@/lib/experiences/content";
import type { TEventsRequest, TEventsResponse, TSdkEvent } from "@/lib/sdk-protocol";
import { answerFits } from "@/lib/surveys/answer-fits";
import { touchEndUser } from "./end-user";

const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** The browser's time when plausible (queued events keep theirs), else now. */
function occurredAt(at: number | undefined, now: number): Date {
  return new Date(at && at <= now && at >= now - MAX_AGE_MS ? at : now);
}

type Known = Map<string, { type: string; content: unknown }>;

async function knownExperiences(workspaceId: string, events: TSdkEvent[]): Promise<Known> {
  const ids = [...new Set(events.flatMap((e) => ("experienceId" in e ? [e.experienceId] : [])))];
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: experiences.id, type: experiences.type, content: experiences.content })
    .from(experiences)
    .where(and(eq(experiences.workspaceId, workspaceId), inArray(experiences.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

function answerAccepted(known: Known, e: Extract<TSdkEvent, { type: "answer" }>): boolean {
  const exp = known.get(e.experienceId);
  if (exp?.type !== "survey") return false;
  const survey = ZSurveyContent.safeParse(exp.content);
  const question = survey.success ? survey.data.questions.find((q) => q.id === e.questionId) : undefined;
  return Boolean(question && answerFits(question, e.answer));
}

export async function ingestEvents(workspaceId: string, req: TEventsRequest, now = Date.now()): Promise<TEventsResponse> {
  const known = await knownExperiences(workspaceId, req.events);
  const accepted = req.events.filter((e) => (e.type === "answer" ? answerAccepted(known, e) : e.type === "track" || known.has(e.experienceId)));
  const rejected = req.events.length - accepted.length;
  if (!accepted.length) return { stored: 0, duplicates: 0, rejected };

  return db.transaction(async (tx) => {
    const user = await touchEndUser(workspaceId, req.anonymousId, undefined, tx);
    const answers = accepted.filter((e) => e.type === "answer");
    const others = accepted.filter((e) => e.type !== "answer");
    let stored = 0;
    if (others.length) {
      const rows = others.map((e) => ({
        workspaceId,
        endUserId: user.id,
        experienceId: "experienceId" in e ? e.experienceId : null,
        type: e.type,
        step: e.type === "step" ? e.step : null,
        name: e.type === "track" ? e.name : null,
        clientEventId: e.id,
        occurredAt: occurredAt(e.at, now),
      }));
      stored += (await tx.insert(experienceEvents).values(rows).onConflictDoNothing().returning({ id: experienceEvents.id })).length;
    }
    if (answers.length) {
      const rows = answers.map((e) => ({
        workspaceId,
        endUserId: user.id,
        experienceId: e.experienceId,
        questionId: e.questionId,
        answer: e.answer,
        clientEventId: e.id,
        createdAt: occurredAt(e.at, now),
      }));
      stored += (await tx.insert(surveyResponses).values(rows).onConflictDoNothing().returning({ id: surveyResponses.id })).length;
    }
    return { stored, duplicates: accepted.length - stored, rejected };
  });
}
