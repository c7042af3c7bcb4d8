import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { endUserIdentities, endUsers, experienceEvents, experiences, segments, surveyResponses } from "@/db/schema";
import { blindIndex, currentKeyVersion, encrypt } from "@/lib/crypto/data-encryption";

type Ctx = { workspaceId: string };

const PEOPLE = [
  { name: "Ada Park", email: "ada@customer.example" },
  { name: "Ben Ortiz", email: "ben@customer.example" },
  { name: "Chloé Martin", email: "chloe@customer.example" },
];
const PLANS = ["free", "paying", "paying", "trial"];

/** Demo experiences (every type), a segment, end users (three identified) and survey answers; idempotent (keyed by names and ids). */
export async function seedDashboardDemo({ workspaceId }: Ctx): Promise<void> {
  const [existing] = await db.select({ id: segments.id }).from(segments).where(and(eq(segments.workspaceId, workspaceId), eq(segments.name, "Paying customers")));
  if (existing) return;
  await db.transaction(async (tx) => {
    const [segment] = await tx
      .insert(segments)
      .values({
        workspaceId,
        name: "Paying customers",
        description: "Accounts on a paid plan",
        rules: { kind: "group", combinator: "and", children: [{ kind: "condition", source: "attribute", attribute: "plan", operator: "equals", value: "paying" }] },
      })
      .returning();
    const [announcement, survey] = await tx
      .insert(experiences)
      .values([
        {
          workspaceId, type: "announcement", name: "Reports launch", status: "live", publishedAt: new Date(), priority: 10, segmentId: segment.id,
          content: { title: "New: scheduled reports", body: "Send any dashboard to your team **every Monday**.", buttons: [{ label: "Try it", action: "link", url: "/reports" }, { label: "Later", action: "dismiss" }] },
        },
        {
          workspaceId, type: "survey", name: "Quarterly NPS", status: "live", publishedAt: new Date(), frequency: "once",
          content: {
            title: "Quick question",
            questions: [
              { id: "nps", type: "nps", prompt: "How likely are you to recommend Acme Analytics?", required: true },
              { id: "use", type: "multiple_choice", prompt: "What do you use most?", required: false, options: ["Dashboards", "Reports", "Alerts"] },
              { id: "why", type: "text", prompt: "What should we improve?", required: false },
            ],
            thankYou: "Thank you!",
          },
        },
        {
          workspaceId, type: "tour", name: "First dashboard tour", status: "draft",
          content: { steps: [{ id: "step-1", selector: "#new-dashboard", title: "Create a dashboard", body: "Start here.", placement: "bottom" }, { id: "step-2", selector: ".share-button", title: "Share it", body: "Invite your team.", placement: "left" }] },
        },
      ])
      .returning();
    // What end users see around them: an onboarding checklist and a resource center behind a launcher.
    await tx.insert(experiences).values([
      {
        workspaceId, type: "checklist", name: "Getting started", status: "live", publishedAt: new Date(), priority: 5,
        content: {
          title: "Get started with Acme",
          tasks: [
            { id: "export", label: "Export a report", description: "Any chart, any format.", completeWhen: { kind: "event", name: "exported-report" } },
            { id: "feedback", label: "Answer the quick question", completeWhen: { kind: "experience_completed", experienceId: survey.id } },
            { id: "explore", label: "Look around", completeWhen: { kind: "click" } },
          ],
          celebration: "All done — welcome aboard!",
        },
      },
      {
        workspaceId, type: "resource_center", name: "Help center", status: "live", publishedAt: new Date(),
        content: {
          title: "Help & updates",
          launcher: { kind: "floating" },
          sections: [{ title: "Guides", links: [{ label: "Build your first dashboard", url: "https://example.com/docs/dashboards", description: "Charts, filters and sharing." }, { label: "Schedule reports", url: "https://example.com/docs/reports" }] }],
          showChangelog: true, showChecklists: true, showTours: true,
        },
      },
    ]);
    for (let i = 0; i < 24; i++) {
      const [user] = await tx.insert(endUsers).values({ workspaceId, anonymousId: `demo-anon-${i}`, attributes: { plan: PLANS[i % PLANS.length], seats: 1 + ((i * 7) % 40) } }).returning();
      const person = PEOPLE[i];
      if (person) {
        await tx.update(endUsers).set({ externalId: `demo-user-${i}` }).where(eq(endUsers.id, user.id));
        await tx.insert(endUserIdentities).values({ endUserId: user.id, workspaceId, emailEnc: encrypt(person.email), nameEnc: encrypt(person.name), keyVersion: currentKeyVersion(), emailHash: blindIndex(person.email) });
      }
      const at = new Date(Date.now() - (i % 14) * 86_400_000);
      await tx.insert(experienceEvents).values([
        { workspaceId, endUserId: user.id, experienceId: announcement.id, type: "view", clientEventId: `demo-a-view-${i}`, occurredAt: at },
        ...(i % 3 === 0 ? [{ workspaceId, endUserId: user.id, experienceId: announcement.id, type: "complete" as const, clientEventId: `demo-a-done-${i}`, occurredAt: at }] : []),
        { workspaceId, endUserId: user.id, experienceId: survey.id, type: "view", clientEventId: `demo-s-view-${i}`, occurredAt: at },
      ]);
      if (i % 4 === 3) continue; // some saw the survey and did not answer
      await tx.insert(experienceEvents).values({ workspaceId, endUserId: user.id, experienceId: survey.id, type: "complete", clientEventId: `demo-s-done-${i}`, occurredAt: at });
      await tx.insert(surveyResponses).values([
        { workspaceId, experienceId: survey.id, endUserId: user.id, questionId: "nps", answer: [10, 9, 8, 6, 10, 3, 9][i % 7], clientEventId: `demo-nps-${i}`, createdAt: at },
        { workspaceId, experienceId: survey.id, endUserId: user.id, questionId: "use", answer: [["Dashboards"], ["Reports", "Alerts"], ["Dashboards", "Reports"]][i % 3], clientEventId: `demo-use-${i}`, createdAt: at },
        ...(i % 2 === 0 ? [{ workspaceId, experienceId: survey.id, endUserId: user.id, questionId: "why", answer: ["Faster exports", "More chart types", "Dark mode"][i % 3], clientEventId: `demo-why-${i}`, createdAt: at }] : []),
      ]);
    }
  });
}
