import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { endUserIdentities, endUsers, experienceEvents } from "@/db/schema";
import { listAudit } from "@/lib/audit/audit-log";
import { getSurvey } from "@/lib/surveys/surveys";
import { surveyResults } from "@/lib/surveys/results";
import { listResponses } from "@/lib/surveys/responses";
import { endUserCounts, listIdentifiedUsers } from "./end-users";
import { erasePerson, exportPerson, viewPerson } from "./person";
import { answer, makeEndUser, makeSurvey, makeWorkspace } from "./test-fixtures";

describe("end users", () => {
  it("counts anonymous and identified, lists and searches identified ones by exact email or name", async () => {
    const { workspace } = await makeWorkspace();
    await makeEndUser(workspace.id, { identity: { email: "Ann@Example.com", name: "Ann Lee" } });
    await makeEndUser(workspace.id, { identity: { email: "bob@example.com", name: "Bob Stone" } });
    await makeEndUser(workspace.id);
    const other = await makeWorkspace();
    await makeEndUser(other.workspace.id, { identity: { email: "ann@example.com", name: "Ann Other" } });

    expect(await endUserCounts(workspace.id)).toEqual({ total: 3, identified: 2, anonymous: 1 });
    const list = await listIdentifiedUsers(workspace.id);
    expect(list.total).toBe(2);
    expect(list.rows.map((r) => r.email).sort()).toEqual(["Ann@Example.com", "bob@example.com"]);
    const byEmail = await listIdentifiedUsers(workspace.id, { q: " ann@example.COM " });
    expect(byEmail.rows.map((r) => r.name)).toEqual(["Ann Lee"]);
    expect((await listIdentifiedUsers(workspace.id, { q: "ann@example" })).rows).toEqual([]); // exact only
    expect((await listIdentifiedUsers(workspace.id, { q: "stone" })).rows.map((r) => r.email)).toEqual(["bob@example.com"]);
  });

  it("shows, exports and erases one person, audited, keeping answers as anonymous aggregates", async () => {
    const { workspace, ownerId } = await makeWorkspace();
    const exp = await makeSurvey(workspace.id);
    const ann = await makeEndUser(workspace.id, { identity: { email: "ann@example.com", name: "Ann Lee" }, externalId: "user-42", attributes: { plan: "paying" } });
    await db.insert(experienceEvents).values({ workspaceId: workspace.id, endUserId: ann.id, experienceId: exp.id, type: "view", clientEventId: randomUUID() });
    await answer(workspace.id, exp.id, ann.id, "nps", 9);

    const person = await viewPerson(workspace.id, ownerId, ann.id);
    expect(person).toMatchObject({
      externalId: "user-42",
      identified: true,
      traits: { email: "ann@example.com", name: "Ann Lee", username: null },
      attributes: { plan: "paying" },
      experiencesSeen: [{ name: "NPS survey", type: "survey", events: ["view"] }],
      surveyAnswers: [{ survey: "NPS survey", question: "How likely are you to recommend us?", answer: 9 }],
    });
    const exported = await exportPerson(workspace.id, ownerId, ann.id);
    expect(JSON.parse(JSON.stringify(exported))).toMatchObject({ format: "herald.person.v1", person: { traits: { email: "ann@example.com" } } });

    expect(await erasePerson(workspace.id, ownerId, ann.id)).toBe(true);
    expect(await db.select().from(endUserIdentities).where(eq(endUserIdentities.endUserId, ann.id))).toEqual([]);
    const [row] = await db.select().from(endUsers).where(eq(endUsers.id, ann.id));
    expect(row.externalId).toBeNull();
    const survey = (await getSurvey(workspace.id, exp.id))!;
    expect((await surveyResults(workspace.id, survey)).questions[0].nps?.promoters).toBe(1);
    expect((await listResponses(workspace.id, survey)).rows[0]).toMatchObject({ identified: false, email: null, label: expect.stringMatching(/^Anonymous /) });
    expect((await viewPerson(workspace.id, ownerId, ann.id))?.traits).toBeNull();

    const audit = await listAudit(workspace.id);
    expect(audit.rows.map((r) => r.action)).toEqual(["erase_person", "export_person", "view_person"]);
    expect(audit.rows.every((r) => r.targetId === ann.id && r.actorEmail?.startsWith("owner-"))).toBe(true);
  });

  it("reads, exports and erases nothing through another workspace's id", async () => {
    const a = await makeWorkspace();
    const b = await makeWorkspace();
    const ann = await makeEndUser(a.workspace.id, { identity: { email: "ann@example.com", name: "Ann" }, externalId: "x" });
    expect(await viewPerson(b.workspace.id, b.ownerId, ann.id)).toBeUndefined();
    expect(await exportPerson(b.workspace.id, b.ownerId, ann.id)).toBeUndefined();
    expect(await erasePerson(b.workspace.id, b.ownerId, ann.id)).toBe(false);
    expect(await erasePerson(b.workspace.id, b.ownerId, "not-a-uuid")).toBe(false);
    expect(await listIdentifiedUsers(b.workspace.id, { q: "ann@example.com" })).toMatchObject({ rows: [] });
    expect(await endUserCounts(b.workspace.id)).toEqual({ total: 0, identified: 0, anonymous: 0 });
    expect((await viewPerson(a.workspace.id, a.ownerId, ann.id))?.traits?.email).toBe("ann@example.com");
    expect((await listAudit(b.workspace.id)).total).toBe(0);
  });
});
