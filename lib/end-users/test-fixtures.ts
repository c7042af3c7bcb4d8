// Test-only fixtures shared by the dashboard's integration tests (imported from *.test.ts only).
import { randomUUID } from "node:crypto";
import { db } from "@/db";
import { endUserIdentities, endUsers, experiences, surveyResponses, users } from "@/db/schema";
import { blindIndex, currentKeyVersion, encrypt } from "@/lib/crypto/data-encryption";
import { createWorkspace } from "@/lib/workspaces/workspaces";

export async function makeWorkspace(name = "Fixture Co") {
  const [owner] = await db.insert(users).values({ email: `owner-${randomUUID()}@example.test`, name: "Owner" }).returning();
  const workspace = await db.transaction((tx) => createWorkspace(tx, { name, ownerId: owner.id }));
  return { workspace, ownerId: owner.id };
}

export async function makeEndUser(workspaceId: string, opts: { attributes?: Record<string, unknown>; identity?: { email: string; name: string }; externalId?: string } = {}) {
  const [user] = await db
    .insert(endUsers)
    .values({ workspaceId, anonymousId: `anon-${randomUUID()}`, attributes: opts.attributes ?? {}, externalId: opts.externalId ?? null })
    .returning();
  if (opts.identity) {
    await db.insert(endUserIdentities).values({
      endUserId: user.id,
      workspaceId,
      emailEnc: encrypt(opts.identity.email),
      nameEnc: encrypt(opts.identity.name),
      keyVersion: currentKeyVersion(),
      emailHash: blindIndex(opts.identity.email),
    });
  }
  return user;
}

export const SURVEY_CONTENT = {
  title: "How are we doing?",
  questions: [
    { id: "nps", type: "nps", prompt: "How likely are you to recommend us?", required: true },
    { id: "why", type: "text", prompt: "Why?", required: false },
    { id: "features", type: "multiple_choice", prompt: "Which features do you use?", required: false, options: ["Tours", "Surveys", "Banners"] },
  ],
  thankYou: "Thanks!",
};

export async function makeSurvey(workspaceId: string, name = "NPS survey") {
  const [row] = await db.insert(experiences).values({ workspaceId, type: "survey", name, status: "live", content: SURVEY_CONTENT }).returning();
  return row;
}

export async function answer(workspaceId: string, experienceId: string, endUserId: string, questionId: string, value: unknown, createdAt = new Date()) {
  await db.insert(surveyResponses).values({ workspaceId, experienceId, endUserId, questionId, answer: value, clientEventId: randomUUID(), createdAt });
}
