import "server-only";
// POST /api/sdk/v1/events: a batch of views, steps, completions, dismissals, clicks, tracked events
// and survey answers, written in one transaction. Each client event id is first recorded in
// event_receipts (unique per workspace): only ids new there are stored, so a retried batch (or a
// beacon followed by a fetch, or two instances racing) stores nothing twice.
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { eventReceipts, experienceEvents, experiences, surveyResponses } from "@/db/schema";
import { ZSurveyContent } from "@/lib/experiences/content";
import { SDK_LIMITS, type TEventsRequest, type TEventsResponse, type TSdkEvent } from "@/lib/sdk-protocol";
import { answerFits } from "@/lib/surveys/answer-fits";
import { taskAccepted, tasksFromTracks } from "./checklist-events";
import { touchEndUser } from "./end-user";
import type { TSdkWorkspace } from "./workspace-cache";

const MAX_AGE_MS = SDK_LIMITS.eventMaxAgeDays * 24 * 60 * 60 * 1000;

/** The browser's time (queued events keep theirs), but never in the future. */
function occurredAt(at: number, now: number): Date {
  return new Date(Math.min(at, now));
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

function acceptedKind(known: Known, e: TSdkEvent): boolean {
  if (e.type === "answer") return answerAccepted(known, e);
  if (e.type === "task") return taskAccepted(known, e);
  return e.type === "track" || known.has(e.experienceId);
}

/** `ws.experiences` (the live ones, cached): tracked events complete their checklists' event tasks. */
export async function ingestEvents(ws: Pick<TSdkWorkspace, "id" | "experiences">, req: TEventsRequest, now = Date.now()): Promise<TEventsResponse> {
  const workspaceId = ws.id;
  const known = await knownExperiences(workspaceId, req.events);
  const accepted = req.events.filter((e) => e.at >= now - MAX_AGE_MS && acceptedKind(known, e));
  const rejected = req.events.length - accepted.length;
  if (!accepted.length) return { stored: 0, duplicates: 0, rejected };

  return db.transaction(async (tx) => {
    const user = await touchEndUser(workspaceId, req.anonymousId, undefined, tx);
    const fresh = new Set(
      (
        await tx
          .insert(eventReceipts)
          .values(accepted.map((e) => ({ workspaceId, clientEventId: e.id })))
          .onConflictDoNothing()
          .returning({ id: eventReceipts.clientEventId })
      ).map((r) => r.id),
    );
    const news = accepted.filter((e) => fresh.delete(e.id)); // delete: an id repeated inside the batch counts once
    const answers = news.filter((e) => e.type === "answer");
    const others = news.filter((e) => e.type !== "answer");
    if (others.length) {
      const rows = others.map((e) => ({
        workspaceId,
        endUserId: user.id,
        experienceId: "experienceId" in e ? e.experienceId : null,
        type: e.type === "goal" ? ("page" as const) : e.type,
        step: e.type === "step" ? e.step : null,
        name: e.type === "track" ? e.name : e.type === "task" ? e.taskId : null,
        clientEventId: e.id,
        occurredAt: occurredAt(e.at, now),
      }));
      for (const t of await tasksFromTracks(tx, workspaceId, user.id, others, ws.experiences)) {
        rows.push({ workspaceId, endUserId: user.id, experienceId: t.experienceId, type: "task", step: null, name: t.taskId, clientEventId: t.clientEventId, occurredAt: occurredAt(t.at, now) });
      }
      await tx.insert(experienceEvents).values(rows);
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
      await tx.insert(surveyResponses).values(rows);
    }
    return { stored: news.length, duplicates: accepted.length - news.length, rejected };
  });
}
