import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/db";
import { experienceEvents } from "@/db/schema";
import { answer, makeEndUser, makeSurvey, makeWorkspace } from "@/lib/end-users/test-fixtures";
import { npsOf, surveyResults } from "./results";
import { formatAnswer, listResponses, responsesCsv } from "./responses";
import { getSurvey, listSurveys } from "./surveys";

async function seeded() {
  const { workspace } = await makeWorkspace();
  const exp = await makeSurvey(workspace.id);
  const survey = (await getSurvey(workspace.id, exp.id))!;
  const ann = await makeEndUser(workspace.id, { identity: { email: "ann@example.com", name: "Ann Lee" } });
  const anon = await makeEndUser(workspace.id);
  const quiet = await makeEndUser(workspace.id);
  for (const u of [ann, anon, quiet]) {
    await db.insert(experienceEvents).values({ workspaceId: workspace.id, endUserId: u.id, experienceId: exp.id, type: "view", clientEventId: randomUUID() });
  }
  await answer(workspace.id, exp.id, ann.id, "nps", 10, new Date("2026-01-02T10:00:00Z"));
  await answer(workspace.id, exp.id, ann.id, "why", "=SUM(1,2), \"great\"", new Date("2026-01-02T10:00:05Z"));
  await answer(workspace.id, exp.id, ann.id, "features", ["Tours", "Surveys"], new Date("2026-01-02T10:00:06Z"));
  await answer(workspace.id, exp.id, anon.id, "nps", 3, new Date("2026-01-05T09:00:00Z"));
  await answer(workspace.id, exp.id, anon.id, "features", ["Tours"], new Date("2026-01-05T09:00:01Z"));
  return { workspace, survey, ann, anon };
}

describe("survey results", () => {
  it("computes NPS from a distribution", () => {
    expect(npsOf([{ value: "10", count: 6 }, { value: "8", count: 2 }, { value: "2", count: 2 }])).toEqual({ score: 40, promoters: 6, passives: 2, detractors: 2, total: 10 });
    expect(npsOf([]).score).toBe(0);
  });

  it("aggregates respondents, NPS, distributions and the funnel in SQL", async () => {
    const { workspace, survey } = await seeded();
    const r = await surveyResults(workspace.id, survey, 100_000);
    expect(r.viewers).toBe(3);
    expect(r.respondents).toBe(2);
    expect(r.overTime).toEqual([{ day: "2026-01-02", respondents: 1 }, { day: "2026-01-05", respondents: 1 }]);
    const [nps, why, features] = r.questions;
    expect(nps.nps).toEqual({ score: 0, promoters: 1, passives: 0, detractors: 1, total: 2 });
    expect(nps.distribution).toHaveLength(11);
    expect(nps.distribution.find((d) => d.value === "10")?.count).toBe(1);
    expect(nps.answered).toBe(2);
    expect(why.answered).toBe(1);
    expect(why.distribution).toEqual([]);
    expect(features.distribution).toEqual([{ value: "Tours", count: 2 }, { value: "Surveys", count: 1 }, { value: "Banners", count: 0 }]);
  });

  it("lists respondents with name and email when identified, Anonymous otherwise, with filters", async () => {
    const { workspace, survey, ann, anon } = await seeded();
    const all = await listResponses(workspace.id, survey);
    expect(all.total).toBe(2);
    expect(all.rows.map((r) => r.label)).toEqual([expect.stringMatching(/^Anonymous [A-Za-z0-9]{8}$/), "Ann Lee"]);
    expect(all.rows[1]).toMatchObject({ endUserId: ann.id, identified: true, name: "Ann Lee", email: "ann@example.com", answers: { nps: 10 } });
    expect(all.rows[0]).toMatchObject({ endUserId: anon.id, identified: false, email: null });
    expect((await listResponses(workspace.id, survey, { who: "identified" })).rows.map((r) => r.endUserId)).toEqual([ann.id]);
    expect((await listResponses(workspace.id, survey, { who: "anonymous" })).rows.map((r) => r.endUserId)).toEqual([anon.id]);
    expect((await listResponses(workspace.id, survey, { question: "nps", answer: "3" })).rows.map((r) => r.endUserId)).toEqual([anon.id]);
    expect((await listResponses(workspace.id, survey, { question: "features", answer: "Surveys" })).rows.map((r) => r.endUserId)).toEqual([ann.id]);
    expect((await listResponses(workspace.id, survey, { from: "2026-01-03" })).rows.map((r) => r.endUserId)).toEqual([anon.id]);
    expect((await listResponses(workspace.id, survey, { to: "2026-01-02" })).rows.map((r) => r.endUserId)).toEqual([ann.id]);
  });

  it("exports CSV with neutralised formulas and quoted cells", async () => {
    const { workspace, survey } = await seeded();
    let csv = "";
    for await (const chunk of responsesCsv(workspace.id, survey)) csv += chunk;
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("respondent,name,email,answered_at,How likely are you to recommend us?,Why?,Which features do you use?");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(`identified,Ann Lee,ann@example.com,2026-01-02T10:00:06.000Z,10,"'=SUM(1,2), ""great""","Tours, Surveys"`);
    expect(formatAnswer(undefined)).toBe("");
  });

  it("shows nothing of a survey through another workspace's id", async () => {
    const { workspace, survey } = await seeded();
    const other = await makeWorkspace();
    expect(await getSurvey(other.workspace.id, survey.id)).toBeUndefined();
    expect(await listSurveys(other.workspace.id)).toEqual([]);
    expect((await listSurveys(workspace.id)).map((s) => s.respondents)).toEqual([2]);
    // Even handed the survey object, the other workspace's scope finds no rows.
    expect((await listResponses(other.workspace.id, survey)).total).toBe(0);
    expect((await surveyResults(other.workspace.id, survey)).respondents).toBe(0);
  });
});
