import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { withAggregateMemory } from "./results";
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

function conditions(workspaceId: string, surveyId: string, f: TResponseFilters): SQL {
  const parts: SQL[] = [sql`r.workspace_id = ${workspaceId}`, sql`r.experience_id = ${surveyId}`];
  const identified = sql`exists (select 1 from end_user_identities i where i.end_user_id = r.end_user_id and i.workspace_id = ${workspaceId})`;
  if (f.who === "identified") parts.push(identified);
  if (f.who === "anonymous") parts.push(sql`not ${identified}`);
  if (f.from) parts.push(sql`r.created_at >= ${f.from}::date`);
  if (f.to) parts.push(sql`r.created_at < ${f.to}::date + 1`);
  if (f.question && f.answer) {
    parts.push(sql`exists (select 1 from survey_responses a where a.workspace_id = ${workspaceId} and a.experience_id = ${surveyId}
      and a.end_user_id = r.end_user_id and a.question_id = ${f.question}
      and ((a.answer #>> '{}') = ${f.answer} or (jsonb_typeof(a.answer) = 'array' and a.answer ? ${f.answer})))`);
  }
  return sql.join(parts, sql` and `);
}

type Grouped = { end_user_id: string; last_at: string | Date; total: number; answers?: Record<string, unknown> };
type Person = { id: string; anonymous_id: string; email_enc: string | null; name_enc: string | null };

/** Respondents newest first, grouped from the survey's rows alone (no joins); the total comes from a window over the groups. */
async function grouped(workspaceId: string, survey: TSurvey, f: TResponseFilters, opts: { limit?: number; offset?: number; withAnswers?: boolean }) {
  const answers = opts.withAnswers ? sql`, jsonb_object_agg(r.question_id, r.answer order by r.created_at) as answers` : sql``;
  const window = opts.limit === undefined ? sql`` : sql`limit ${opts.limit} offset ${opts.offset ?? 0}`;
  const result = await withAggregateMemory((tx) =>
    tx.execute(sql`
      select r.end_user_id, max(r.created_at) as last_at, count(*) over ()::int as total ${answers}
      from survey_responses r where ${conditions(workspaceId, survey.id, f)}
      group by r.end_user_id order by last_at desc, r.end_user_id ${window}`),
  );
  return (result as unknown as { rows: Grouped[] }).rows;
}

async function peopleById(workspaceId: string, ids: string[]): Promise<Map<string, Person>> {
  if (ids.length === 0) return new Map();
  const result = await db.execute(sql`select eu.id, eu.anonymous_id, i.email_enc, i.name_enc from end_users eu
    left join end_user_identities i on i.end_user_id = eu.id and i.workspace_id = ${workspaceId}
    where eu.workspace_id = ${workspaceId} and eu.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
  return new Map((result as unknown as { rows: Person[] }).rows.map((p) => [p.id, p]));
}

/** Who answered, decrypted: name and email when identified, "Anonymous" and a short random id otherwise. */
function respondent(g: Grouped, person: Person | undefined, answers: Record<string, unknown>): TRespondent {
  const identity = person && (person.email_enc || person.name_enc) ? readIdentity({ emailEnc: person.email_enc, nameEnc: person.name_enc }) : null;
  return {
    endUserId: g.end_user_id,
    identified: Boolean(identity),
    label: identity ? (identity.name ?? identity.email ?? "Identified user") : `Anonymous ${shortAnonymousId(person?.anonymous_id ?? g.end_user_id)}`,
    name: identity?.name ?? null,
    email: identity?.email ?? null,
    lastAnsweredAt: new Date(g.last_at),
    answers,
  };
}

async function page(workspaceId: string, survey: TSurvey, f: TResponseFilters, limit: number, offset: number) {
  const found = await grouped(workspaceId, survey, f, { limit, offset });
  if (found.length === 0) return { total: offset === 0 ? 0 : undefined, rows: [] as TRespondent[] };
  const ids = found.map((g) => g.end_user_id);
  const [people, answers] = await Promise.all([
    peopleById(workspaceId, ids),
    db.execute(sql`select end_user_id, question_id, answer from survey_responses
      where workspace_id = ${workspaceId} and experience_id = ${survey.id} and end_user_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})
      order by created_at`),
  ]);
  const answerRows = (answers as unknown as { rows: { end_user_id: string; question_id: string; answer: unknown }[] }).rows;
  const rows = found.map((g) => {
    const own: Record<string, unknown> = {};
    for (const a of answerRows) if (a.end_user_id === g.end_user_id) own[a.question_id] = a.answer;
    return respondent(g, people.get(g.end_user_id), own);
  });
  return { total: found[0].total, rows };
}

/** One page of respondents (newest first), each with their answers, name and email when identified. */
export async function listResponses(workspaceId: string, survey: TSurvey, filters: Partial<TResponseFilters> = {}) {
  const f = ZResponseFilters.parse(filters);
  const result = await page(workspaceId, survey, f, RESPONSES_PAGE_SIZE, (f.page - 1) * RESPONSES_PAGE_SIZE);
  // Past the last page the window has no row to carry the total: count once, to say how many pages there are.
  const total = result.total ?? (await page(workspaceId, survey, { ...f, page: 1 }, 1, 0)).total ?? 0;
  return { total, page: f.page, pageCount: Math.max(1, Math.ceil(total / RESPONSES_PAGE_SIZE)), rows: result.rows };
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
  // One grouped query carries every respondent's answers; identities are decrypted a thousand at a time.
  const all = await grouped(workspaceId, survey, f, { withAnswers: true });
  for (let i = 0; i < all.length; i += 1_000) {
    const chunk = all.slice(i, i + 1_000);
    const people = await peopleById(workspaceId, chunk.map((g) => g.end_user_id));
    yield chunk
      .map((g) => {
        const r = respondent(g, people.get(g.end_user_id), g.answers ?? {});
        return [r.identified ? "identified" : r.label, r.name ?? "", r.email ?? "", r.lastAnsweredAt.toISOString(), ...questions.map((q) => formatAnswer(r.answers[q.id]))]
          .map(csvCell)
          .join(",") + "\r\n";
      })
      .join("");
  }
}
