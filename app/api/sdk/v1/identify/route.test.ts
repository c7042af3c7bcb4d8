import { describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { endUserAliases, endUserIdentities, endUsers, experienceEvents, surveyResponses } from "@/db/schema";
import { blindIndex, decrypt } from "@/lib/crypto/data-encryption";
import { announcement, anonymousId, eventId, liveExperience, post, sdkFixture, survey } from "@/lib/sdk/test-helpers";
import { POST as events } from "../events/route";
import { POST as resolve } from "../resolve/route";
import { POST } from "./route";

const hmac = (userId: string, secret: string) => createHmac("sha256", secret).update(userId).digest("hex");
async function identify(body: Record<string, unknown>) {
  const res = await POST(post("/api/sdk/v1/identify", body));
  return { status: res.status, body: await res.json() };
}
const usersOf = (workspaceId: string) => db.select().from(endUsers).where(eq(endUsers.workspaceId, workspaceId));

describe("POST /api/sdk/v1/identify", () => {
  it("links the anonymous end user to the customer's user id and stores traits encrypted with a blind index", async () => {
    const { workspace, key } = await sdkFixture();
    const anon = anonymousId();
    const exp = await liveExperience(workspace.id, survey());
    await events(post("/api/sdk/v1/events", { key, anonymousId: anon, events: [{ id: eventId(), at: Date.now(), type: "answer", experienceId: exp, questionId: "nps", answer: 8 }] }));

    expect(await identify({ key, anonymousId: anon, userId: "user-42", traits: { email: "Jane@Example.com", name: "Jane Doe" } })).toEqual({ status: 200, body: { ok: true } });
    const [user] = await usersOf(workspace.id);
    expect(user).toMatchObject({ anonymousId: anon, externalId: "user-42" });
    const [identity] = await db.select().from(endUserIdentities).where(eq(endUserIdentities.endUserId, user.id));
    expect(JSON.stringify(identity)).not.toContain("Jane");
    expect(decrypt(identity.emailEnc!)).toBe("Jane@Example.com");
    expect(decrypt(identity.nameEnc!)).toBe("Jane Doe");
    expect(identity.emailHash).toBe(blindIndex("jane@example.com"));
    const [answer] = await db.select().from(surveyResponses).where(eq(surveyResponses.workspaceId, workspace.id));
    expect(answer.endUserId).toBe(user.id);

    // Again with a new name: updated in place, the email kept.
    expect((await identify({ key, anonymousId: anon, userId: "user-42", traits: { name: "Jane D." } })).status).toBe(200);
    const [again] = await db.select().from(endUserIdentities).where(eq(endUserIdentities.endUserId, user.id));
    expect([decrypt(again.emailEnc!), decrypt(again.nameEnc!)]).toEqual(["Jane@Example.com", "Jane D."]);
  });

  it("with identity verification on, refuses a missing or wrong userHash with 401 and stores nothing", async () => {
    const { workspace, key, secret } = await sdkFixture({ verification: true });
    const anon = anonymousId();
    await resolve(post("/api/sdk/v1/resolve", { key, anonymousId: anon, url: "https://customer.example/" }));
    for (const userHash of [undefined, "00".repeat(32), hmac("someone-else", secret), "not-hex", hmac("user-7", "wrong-secret")]) {
      const res = await identify({ key, anonymousId: anon, userId: "user-7", traits: { email: "seven@example.com" }, userHash });
      expect(res.status).toBe(401);
      expect(res.body.error.message).toMatch(/userHash/);
    }
    expect((await usersOf(workspace.id))[0].externalId).toBeNull();
    expect(await db.select().from(endUserIdentities).where(eq(endUserIdentities.workspaceId, workspace.id))).toEqual([]);

    expect((await identify({ key, anonymousId: anon, userId: "user-7", traits: { email: "seven@example.com" }, userHash: hmac("user-7", secret) })).status).toBe(200);
    expect((await usersOf(workspace.id))[0].externalId).toBe("user-7");
  });

  it("merges a second device into the identified user: history moves, the new anonymous id becomes an alias", async () => {
    const { workspace, key } = await sdkFixture();
    const exp = await liveExperience(workspace.id, announcement("Once only"));
    const laptop = anonymousId();
    const phone = anonymousId();
    await identify({ key, anonymousId: laptop, userId: "u-1", traits: { email: "u1@example.com" } });
    await events(post("/api/sdk/v1/events", { key, anonymousId: phone, events: [{ id: eventId(), at: Date.now(), type: "view", experienceId: exp }] }));
    expect(await usersOf(workspace.id)).toHaveLength(2);

    expect((await identify({ key, anonymousId: phone, userId: "u-1" })).status).toBe(200);
    const users = await usersOf(workspace.id);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ anonymousId: laptop, externalId: "u-1" });
    expect(await db.select().from(endUserAliases).where(eq(endUserAliases.workspaceId, workspace.id))).toEqual([{ workspaceId: workspace.id, anonymousId: phone, endUserId: users[0].id }]);
    const [view] = await db.select().from(experienceEvents).where(eq(experienceEvents.workspaceId, workspace.id));
    expect(view.endUserId).toBe(users[0].id);
    // The laptop now knows the announcement was seen on the phone.
    const res = await resolve(post("/api/sdk/v1/resolve", { key, anonymousId: laptop, url: "https://customer.example/" }));
    expect((await res.json()).experiences).toEqual([]);
  });

  it("refuses traits other than email, name and username, and an anonymous id of another identified user", async () => {
    const { workspace, key } = await sdkFixture();
    const anon = anonymousId();
    const phone = await identify({ key, anonymousId: anon, userId: "u-1", traits: { email: "a@example.com", phone: "+1 555" } });
    expect(phone.status).toBe(400);
    expect(phone.body.error.message).toMatch(/Only email, name and username/);
    expect((await identify({ key, anonymousId: anon, userId: "u-1", traits: { email: "not an email" } })).status).toBe(400);
    expect((await identify({ key, anonymousId: anon, userId: "" })).status).toBe(400);
    expect(await usersOf(workspace.id)).toEqual([]);

    expect((await identify({ key, anonymousId: anon, userId: "u-1" })).status).toBe(200);
    const other = await identify({ key, anonymousId: anon, userId: "u-2" });
    expect(other.status).toBe(409);
    expect(other.body.error.message).toMatch(/herald.reset/);
    expect((await db.select().from(endUsers).where(and(eq(endUsers.workspaceId, workspace.id), eq(endUsers.externalId, "u-2"))))).toEqual([]);
  });
});
