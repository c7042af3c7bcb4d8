import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db";
import type { TQuestion } from "@/lib/experiences/content";
import type { TSurvey } from "./surveys";

type Rows<T> = { rows: T[] };
async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as Rows<T>).rows;
}

export type TNps = { score: number; promoters: number; passives: number; detractors: number; total: number };
export type TDistribution = { value: string; count: number }[];
export type TQuestionResult = { question: TQuestion; answered: number; distribution: TDistribution; nps?: TNps; average?: number };
export type TSurveyResults = {
  viewers: number;
  respondents: number;
  overTime: { day: string; respondents: number }[];
  questions: TQuestionResult[];
};

/** NPS = % promoters (9–10) − % detractors (0–6), rounded to a whole number. */
export function npsOf(distribution: TDistribution): TNps {
  let promoters = 0, passives = 0, detractors = 0;
  for (const { value, count } of distribution) {
    const n = Number(value);
    if (!Number.isFinite(n)) continue;
    if (n >= 9) promoters += count;
    else if (n >= 7) passives += count;
    else detractors += count;
  }
  const total = promoters + passives + detractors;
  const score = total === 0 ? 0 : Math.round(((promoters - detractors) / total) * 100);
  return { score, promoters, passives, detractors, total };
}

/** The scale's every value, so that a bar chart shows zero bars too, in order. */
function orderedDistribution(q: TQuestion, counts: Map<string, number>): TDistribution {
  let keys: string[];
  if (q.type === "nps") keys = Array.from({ length: 11 }, (_, i) => String(i));
  else if (q.type === "rating") keys = Array.from({ length: q.scale ?? 5 }, (_, i) => String(i + 1));
  else if (q.type === "single_choice" || q.type === "multiple_choice") keys = [...(q.options ?? [])];
  else return [];
  for (const k of counts.keys()) if (!keys.includes(k)) keys.push(k);
  return keys.map((value) => ({ value, count: counts.get(value) ?? 0 }));
}

/**
 * Everything the results page charts, aggregated in PostgreSQL (a few grouped scans of the survey's
 * responses, run in parallel) so that 100,000 responses stay well under half a second.
 */
export async function surveyResults(workspaceId: string, survey: TSurvey, days = 90): Promise<TSurveyResults> {
  const scope = sql`workspace_id = ${workspaceId} and experience_id = ${survey.id}`;
  const charted = survey.content.questions.filter((q) => q.type !== "text").map((q) => q.id);
  const chartedList = charted.length ? sql.join(charted.map((id) => sql`${id}`), sql`, `) : sql`null`;
  const [[totals], [viewers], overTime, perQuestion, scalars, arrays] = await Promise.all([
    rows<{ respondents: number }>(sql`select count(distinct end_user_id)::int as respondents from survey_responses where ${scope}`),
    rows<{ viewers: number }>(sql`select count(distinct end_user_id)::int as viewers from experience_events where ${scope} and type = 'view'`),
    rows<{ day: string; respondents: number }>(sql`
      select to_char(date_trunc('day', created_at), 'YYYY-MM-DD') as day, count(distinct end_user_id)::int as respondents
      from survey_responses where ${scope} and created_at >= now() - make_interval(days => ${days})
      group by 1 order by 1`),
    rows<{ question_id: string; answered: number; average: number | null }>(sql`
      select question_id, count(distinct end_user_id)::int as answered,
        avg(case when jsonb_typeof(answer) = 'number' then (answer #>> '{}')::numeric end)::float8 as average
      from survey_responses where ${scope} group by 1`),
    rows<{ question_id: string; value: string; count: number }>(sql`
      select question_id, answer #>> '{}' as value, count(*)::int as count from survey_responses
      where ${scope} and question_id in (${chartedList}) and jsonb_typeof(answer) in ('number', 'string', 'boolean')
      group by 1, 2`),
    rows<{ question_id: string; value: string; count: number }>(sql`
      select question_id, e.value, count(*)::int as count
      from survey_responses, jsonb_array_elements_text(answer) as e(value)
      where ${scope} and question_id in (${chartedList}) and jsonb_typeof(answer) = 'array'
      group by 1, 2`),
  ]);
  const counts = new Map<string, Map<string, number>>();
  for (const r of [...scalars, ...arrays]) {
    const m = counts.get(r.question_id) ?? new Map<string, number>();
    m.set(r.value, (m.get(r.value) ?? 0) + r.count);
    counts.set(r.question_id, m);
  }
  const byQuestion = new Map(perQuestion.map((r) => [r.question_id, r]));
  return {
    viewers: viewers?.viewers ?? 0,
    respondents: totals?.respondents ?? 0,
    overTime,
    questions: survey.content.questions.map((question) => {
      const distribution = orderedDistribution(question, counts.get(question.id) ?? new Map());
      const stats = byQuestion.get(question.id);
      return {
        question,
        answered: stats?.answered ?? 0,
        distribution,
        ...(question.type === "nps" ? { nps: npsOf(distribution) } : {}),
        ...(question.type === "rating" && stats?.average != null ? { average: Math.round(stats.average * 100) / 100 } : {}),
      };
    }),
  };
}
