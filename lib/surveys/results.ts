import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import type { TQuestion } from "@/lib/experiences/content";
import type { TSurvey } from "./surveys";

type Runner = Pick<Executor, "execute">;
async function rows<T>(exec: Runner, query: SQL): Promise<T[]> {
  return ((await exec.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Aggregations over a large survey hash-group up to one row per respondent: give them memory so that
 * PostgreSQL does not spill to disk (scoped to the transaction).
 */
export async function withAggregateMemory<T>(fn: (tx: Runner) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    return fn(tx);
  });
}

export type TNps = { score: number; promoters: number; passives: number; detractors: number; total: number };
export type TDistribution = { value: string; count: number }[];
/** `answered` counts answers to the question (the funnel), so a person answering twice counts twice. */
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

function averageOf(distribution: TDistribution): number | undefined {
  let sum = 0, n = 0;
  for (const d of distribution) {
    const v = Number(d.value);
    if (Number.isFinite(v)) {
      sum += v * d.count;
      n += d.count;
    }
  }
  return n ? Math.round((sum / n) * 100) / 100 : undefined;
}

/**
 * Everything the results page charts, aggregated in PostgreSQL in three scans (respondents per
 * first-answer day with a ROLLUP total; answers per question and per distinct answer; viewers), so that 100,000 respondents stay under half a second (bench/survey-results.bench.ts).
 */
export async function surveyResults(workspaceId: string, survey: TSurvey, days = 90): Promise<TSurveyResults> {
  const scope = sql`workspace_id = ${workspaceId} and experience_id = ${survey.id}`;
  const charted = survey.content.questions.filter((q) => q.type !== "text").map((q) => q.id);
  const chartedList = charted.length ? sql.join(charted.map((id) => sql`${id}`), sql`, `) : sql`null`;
  const since = new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
  const [perDay, grouped, [viewers]] = await Promise.all([
    withAggregateMemory((tx) => rows<{ day: string | null; respondents: number }>(tx, sql`
      select to_char(day, 'YYYY-MM-DD') as day, count(*)::int as respondents
      from (select date_trunc('day', min(created_at)) as day from survey_responses where ${scope} group by end_user_id) firsts
      group by rollup (day) order by day nulls first`)),
    // One scan for both: answers per question (the empty-answer grouping set) and counts per distinct
    // answer of charted questions (few values each; choices are split below).
    withAggregateMemory((tx) => rows<{ question_id: string; answer: unknown; count: number; per_question: boolean }>(tx, sql`
      select question_id, answer, count(*)::int as count, grouping(answer) = 1 as per_question
      from (select question_id, case when question_id in (${chartedList}) then answer end as answer
        from survey_responses where ${scope}) as a
      group by grouping sets ((question_id, answer), (question_id))`)),
    withAggregateMemory((tx) => rows<{ viewers: number }>(tx, sql`
      select count(*)::int as viewers from experience_user_state where ${scope} and first_viewed_at is not null`)),
  ]);
  const counts = new Map<string, Map<string, number>>();
  const answered = new Map<string, number>();
  for (const r of grouped) {
    if (r.per_question) {
      answered.set(r.question_id, r.count);
      continue;
    }
    const m = counts.get(r.question_id) ?? new Map<string, number>();
    for (const value of Array.isArray(r.answer) ? r.answer : [r.answer]) {
      if (value === null || typeof value === "object") continue;
      m.set(String(value), (m.get(String(value)) ?? 0) + r.count);
    }
    counts.set(r.question_id, m);
  }
  return {
    viewers: viewers?.viewers ?? 0,
    respondents: perDay.find((r) => r.day === null)?.respondents ?? 0,
    overTime: perDay.filter((r): r is { day: string; respondents: number } => r.day !== null && r.day >= since),
    questions: survey.content.questions.map((question) => {
      const distribution = orderedDistribution(question, counts.get(question.id) ?? new Map());
      const average = question.type === "rating" ? averageOf(distribution) : undefined;
      return {
        question,
        answered: answered.get(question.id) ?? 0,
        distribution,
        ...(question.type === "nps" ? { nps: npsOf(distribution) } : {}),
        ...(average !== undefined ? { average } : {}),
      };
    }),
  };
}
