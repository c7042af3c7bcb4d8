// Times what the survey results page calls, on 100,000 respondents in a scratch PostgreSQL database.
//   npx tsx --conditions=react-server bench/survey-results.bench.ts   (DATABASE_URL = a server; default local)
// Budget: the page's server work under 500 ms.
import { performance } from "node:perf_hooks";
import { testEnv } from "../test/test-env";
import { createScratchDatabase, dropScratchDatabase } from "../scripts/lib/scratch-database";

const RESPONDENTS = 100_000;
const IDENTIFIED = 10_000;
const BUDGET_MS = 500;

async function main() {
  for (const [k, v] of Object.entries(testEnv)) process.env[k] ??= v;
  const server = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const url = await createScratchDatabase(server, "herald_bench");
  process.env.DATABASE_URL = url;
  const { db, closeDatabase } = await import("../db");
  const { sql } = await import("drizzle-orm");
  const { endUserIdentities } = await import("../db/schema");
  const { encrypt, blindIndex, currentKeyVersion } = await import("../lib/crypto/data-encryption");
  const { makeSurvey, makeWorkspace } = await import("../lib/end-users/test-fixtures");
  const { getSurvey } = await import("../lib/surveys/surveys");
  const { surveyResults } = await import("../lib/surveys/results");
  const { listResponses } = await import("../lib/surveys/responses");
  try {
    const t0 = performance.now();
    const { workspace } = await makeWorkspace("Bench Co");
    const exp = await makeSurvey(workspace.id);
    // Respondents spread over the last 120 days; every one answers NPS and the choice question, one in five writes text.
    await db.execute(sql`insert into end_users (workspace_id, anonymous_id)
      select ${workspace.id}, 'anon-' || g from generate_series(1, ${RESPONDENTS}) g`);
    await db.execute(sql`insert into experience_events (workspace_id, end_user_id, experience_id, type, client_event_id)
      select workspace_id, id, ${exp.id}, 'view', 'v-' || id from end_users where workspace_id = ${workspace.id}`);
    await db.execute(sql`
      with u as (select id, row_number() over () as n from end_users where workspace_id = ${workspace.id}),
      t as (select id, n, now() - (n % 120) * interval '1 day' - (n % 1440) * interval '1 minute' as at from u)
      insert into survey_responses (workspace_id, experience_id, end_user_id, question_id, answer, client_event_id, created_at)
      select ${workspace.id}::uuid, ${exp.id}::uuid, id, 'nps', to_jsonb((n * 7) % 11), 'nps-' || n, at from t
      union all
      select ${workspace.id}::uuid, ${exp.id}::uuid, id, 'features', jsonb_build_array((array['Tours','Surveys','Banners'])[1 + n % 3]), 'f-' || n, at from t
      union all
      select ${workspace.id}::uuid, ${exp.id}::uuid, id, 'why', to_jsonb('Answer number ' || n), 'w-' || n, at from t where n % 5 = 0`);
    const ids = (await db.execute(sql`select id from end_users where workspace_id = ${workspace.id} limit ${IDENTIFIED}`)) as unknown as { rows: { id: string }[] };
    for (let i = 0; i < ids.rows.length; i += 1_000) {
      await db.insert(endUserIdentities).values(
        ids.rows.slice(i, i + 1_000).map((r, j) => ({
          endUserId: r.id,
          workspaceId: workspace.id,
          emailEnc: encrypt(`person${i + j}@example.com`),
          nameEnc: encrypt(`Person ${i + j}`),
          keyVersion: currentKeyVersion(),
          emailHash: blindIndex(`person${i + j}@example.com`),
        })),
      );
    }
    await db.execute(sql`analyze`);
    const [{ n }] = ((await db.execute(sql`select count(*)::int as n from survey_responses`)) as unknown as { rows: { n: number }[] }).rows;
    console.log(`seeded ${RESPONDENTS.toLocaleString("en")} respondents (${n.toLocaleString("en")} answer rows, ${IDENTIFIED.toLocaleString("en")} identified) in ${Math.round(performance.now() - t0)} ms`);

    // What the results page awaits: the survey, then results and the first page of responses in parallel.
    const page = async (filters = {}) => {
      const survey = (await getSurvey(workspace.id, exp.id))!;
      await Promise.all([surveyResults(workspace.id, survey), listResponses(workspace.id, survey, filters)]);
    };
    const time = async (label: string, fn: () => Promise<unknown>) => {
      await fn(); // warm-up: connection, plan cache
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const s = performance.now();
        await fn();
        runs.push(performance.now() - s);
      }
      runs.sort((a, b) => a - b);
      const median = runs[2];
      console.log(`${label.padEnd(44)} median ${median.toFixed(0).padStart(4)} ms  (min ${runs[0].toFixed(0)}, max ${runs[4].toFixed(0)})  ${median < BUDGET_MS ? "OK" : "OVER BUDGET"}`);
      return median;
    };
    const survey = (await getSurvey(workspace.id, exp.id))!;
    // Calibration: one bare scan of every answer row shows how loaded the machine is right now.
    await time("calibration: count(*) of all answer rows", () => db.execute(sql`select count(*) from survey_responses`));
    await time("surveyResults (charts, NPS, funnel)", () => surveyResults(workspace.id, survey));
    await time("listResponses (first page)", () => listResponses(workspace.id, survey));
    const total = await time("results page, all calls", () => page());
    await time("results page, identified + answer filter", () => page({ who: "identified", question: "nps", answer: "10" }));
    // Not the page, but the heaviest read of a survey: every respondent as CSV.
    const { responsesCsv } = await import("../lib/surveys/responses");
    const s = performance.now();
    let bytes = 0;
    for await (const chunk of responsesCsv(workspace.id, survey)) bytes += chunk.length;
    console.log(`CSV export of every respondent: ${(bytes / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - s)} ms`);
    process.exitCode = total < BUDGET_MS ? 0 : 1;
  } finally {
    await closeDatabase();
    // BENCH_KEEP=1 leaves the seeded database for EXPLAIN ANALYZE sessions.
    if (process.env.BENCH_KEEP) console.log(`kept ${url}`);
    else await dropScratchDatabase(server, url);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
