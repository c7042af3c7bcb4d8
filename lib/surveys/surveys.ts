import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { experiences } from "@/db/schema";
import { ZSurveyContent, type TSurveyContent } from "@/lib/experiences/content";
import { isUuid } from "@/lib/experiences/experiences";

/** Every survey of the workspace with its number of respondents (drafts included, for orientation). */
export async function listSurveys(workspaceId: string) {
  return db
    .select({
      id: experiences.id,
      name: experiences.name,
      status: experiences.status,
      publishedAt: experiences.publishedAt,
      respondents: sql<number>`(select count(distinct r.end_user_id)::int from survey_responses r
        where r.experience_id = "experiences"."id" and r.workspace_id = ${workspaceId})`,
    })
    .from(experiences)
    .where(and(eq(experiences.workspaceId, workspaceId), eq(experiences.type, "survey")))
    .orderBy(desc(experiences.updatedAt));
}

export type TSurvey = { id: string; name: string; status: string; content: TSurveyContent };

/** The survey and its questions, or undefined when it is not a survey of this workspace. */
export async function getSurvey(workspaceId: string, id: string): Promise<TSurvey | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select({ id: experiences.id, name: experiences.name, status: experiences.status, content: experiences.content })
    .from(experiences)
    .where(and(eq(experiences.workspaceId, workspaceId), eq(experiences.id, id), eq(experiences.type, "survey")));
  if (!row) return undefined;
  const parsed = ZSurveyContent.safeParse(row.content);
  // Stored content was validated on save; a lenient read keeps old rows viewable if the schema grows.
  const content = parsed.success ? parsed.data : { questions: [], thankYou: "" };
  return { ...row, content };
}
