import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { readIdentity, shortAnonymousId } from "@/lib/end-users/identity";
import type { TSurvey } from "./surveys";

export const RESPONSES_PAGE_SIZE = 25;
const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const optional = <S extends z.ZodType>(s: S) => s.optional().catch(undefined);

/** Filters as they arrive in the URL (the results page and the CSV export share them). */
export const ZResponseFilters = z.object({
  who: z.enum(["all", "identified", "anonymous"]).catch("all"),
  question: optional(z.string().trim().min(1).max(64)),
  answer: optional(z.string().trim().min(1).max(200)),
  from: optional(ZDay),
  to: optional(ZDay),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type TResponseFilters = z.infer<typeof ZResponseFilters>;

export type TRespondent = {
  endUserId: string;
  identified: boolean;
  /** "Anonymous" people show by a short prefix of their random id. */
  label: string;
  name: string | null;
  email: string | null;
  lastAnsweredAt: Date;
  answers: Record<string, unknown>;
};

type Row = { end_user_id: string; anonymous_id: string; email_enc: string | null; name_enc: string | null; last_at: string | Date };

function conditions(workspaceId: string, surveyId: string, f: TResponseFilters): SQL {
  const parts: SQL[] = [sql`r.workspace_id = ${workspaceId}`, sql`r.experience_id = ${surveyId}`];
  if (f.who === "identified") parts.push(sql`i.end_user_id is not null`);
  if (f.who === "anonymous") parts.push(sql`i.end_user_id is null`);
  if (f.from) parts.push(sql`r.created_at >= ${f.from}::date`);
  if (f.to) parts.push(sql`r.created_at < ${f.to}::date + 1`);
  if (f.question && f.answer) {
    parts.push(sql`exists (select 1 from survey_responses a where a.workspace_id = ${workspaceId} and a.experience_id = ${surveyId}
      and a.end_user_id = r.end_user_id and a.question_id = ${f.question}
      and ((a.answer #>> '{}') = ${f.answer} or (jsonb_typeof(a.answer) = 'array' and a.answer ? ${f.answer})))`);
  }
  return sql.join(parts, sql` and `);
}

const FROM = sql`from survey_responses r join end_users eu on eu.id = r.end_user_id
  left join end_user_identities i on i.end_user_id = r.end_user_id`;

async function page(workspaceId: string, survey: TSurvey, f: TResponseFilters, limit: number, offset: number): Promise<TRespondent[]> {
  const result = await db.execute(sql`
    select r.end_user_id, eu.anonymous_id, i.email_enc, i.name_enc, max(r.created_at) as last_at
    ${FROM} where ${conditions(workspaceId, survey.id, f)}
    group by r.end_user_id, eu.anonymous_id, i.email_enc, i.name_enc
    order by last_at desc, r.end_user_id limit ${limit} offset ${offset}`);
  const people = (result as unknown as { rows: Row[] }).rows;
  if (people.length === 0) return [];
  const ids = sql.join(people.map((p) => sql`${p.end_user_id}`), sql`, `);
  const answers = (
    (await db.execute(sql`select end_user_id, question_id, answer from survey_responses
      where workspace_id = ${workspaceId} and experience_id = ${survey.id} and end_user_id in (${ids})
      order by created_at`)) as unknown as { rows: { end_user_id: string; question_id: string; answer: unknown }[] }
  ).rows;
  return people.map((p) => {
    const identity = p.email_enc || p.name_enc ? readIdentity({ emailEnc: p.email_enc, nameEnc: p.name_enc }) : null;
    const own: Record<string, unknown> = {};
    for (const a of answers) if (a.end_user_id === p.end_user_id) own[a.question_id] = a.answer;
    return {
      endUserId: p.end_user_id,
      identified: Boolean(identity),
      label: identity ? (identity.name ?? identity.email ?? "Identified user") : `Anonymous ${shortAnonymousId(p.anonymous_id)}`,
      name: identity?.name ?? null,
      email: identity?.email ?? null,
      lastAnsweredAt: new Date(p.last_at),
      answers: own,
    };
  });
}

/** One page of respondents (newest first), each with their answers, name and email when identified. */
export async function listResponses(workspaceId: string, survey: TSurvey, filters: Partial<TResponseFilters> = {}) {
  const f = ZResponseFilters.parse(filters);
  const countResult = await db.execute(sql`select count(distinct r.end_user_id)::int as total ${FROM} where ${conditions(workspaceId, survey.id, f)}`);
  const total = (countResult as unknown as { rows: { total: number }[] }).rows[0]?.total ?? 0;
  const rows = await page(workspaceId, survey, f, RESPONSES_PAGE_SIZE, (f.page - 1) * RESPONSES_PAGE_SIZE);
  return { total, page: f.page, pageCount: Math.max(1, Math.ceil(total / RESPONSES_PAGE_SIZE)), rows };
}

/** An answer as one line of text (choices joined, numbers as-is). */
export function formatAnswer(answer: unknown): string {
  if (answer === undefined || answer === null) return "";
  if (Array.isArray(answer)) return answer.map(String).join(", ");
  if (typeof answer === "object") return JSON.stringify(answer);
  return String(answer);
}

function csvCell(value: string): string {
  // A leading =, +, - or @ would run as a formula in a spreadsheet: prefix it with a quote.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The filtered responses as CSV, yielded a chunk at a time so a large survey streams. */
export async function* responsesCsv(workspaceId: string, survey: TSurvey, filters: Partial<TResponseFilters> = {}): AsyncGenerator<string> {
  const f = ZResponseFilters.parse(filters);
  const questions = survey.content.questions;
  const header = ["respondent", "name", "email", "answered_at", ...questions.map((q) => q.prompt)];
  yield header.map(csvCell).join(",") + "\r\n";
  const size = 1_000;
  for (let offset = 0; ; offset += size) {
    const chunk = await page(workspaceId, survey, f, size, offset);
    yield chunk
      .map((r) =>
        [r.identified ? "identified" : r.label, r.name ?? "", r.email ?? "", r.lastAnsweredAt.toISOString(), ...questions.map((q) => formatAnswer(r.answers[q.id]))]
          .map(csvCell)
          .join(",") + "\r\n",
      )
      .join("");
    if (chunk.length < size) return;
  }
}
