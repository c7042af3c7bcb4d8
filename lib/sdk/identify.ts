import "server-only";
// POST /api/sdk/v1/identify: the customer's own code says who the anonymous end user is. Only now may
// Herald hold an email or name, encrypted (AES-256-GCM) with a keyed blind index for exact lookup.
// With identity verification on, the userHash must be HMAC-SHA256(userId, identity secret).
import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { endUserAliases, endUserIdentities, endUsers, experienceEvents, surveyResponses } from "@/db/schema";
import { blindIndex, currentKeyVersion, encrypt } from "@/lib/crypto/data-encryption";
import type { TIdentifyRequest, TTraits } from "@/lib/sdk-protocol";
import { touchEndUser } from "./end-user";

export type TIdentifyResult = { ok: true } | { ok: false; status: 401 | 409; message: string };

/** Constant-time check of the customer's HMAC; any malformed hash is simply wrong. */
export function userHashValid(userId: string, userHash: string | undefined, secret: string): boolean {
  if (!userHash || !/^[0-9a-f]{64}$/i.test(userHash)) return false;
  const expected = createHmac("sha256", secret).update(userId).digest();
  return timingSafeEqual(expected, Buffer.from(userHash, "hex"));
}

async function saveTraits(tx: Tx, workspaceId: string, endUserId: string, traits: TTraits): Promise<void> {
  const set: Partial<typeof endUserIdentities.$inferInsert> = {};
  if (traits.email !== undefined) Object.assign(set, { emailEnc: encrypt(traits.email), emailHash: blindIndex(traits.email) });
  if (traits.name !== undefined) set.nameEnc = encrypt(traits.name);
  if (traits.username !== undefined) set.usernameEnc = encrypt(traits.username);
  await tx
    .insert(endUserIdentities)
    .values({ endUserId, workspaceId, keyVersion: currentKeyVersion(), ...set })
    .onConflictDoUpdate({ target: endUserIdentities.endUserId, set: { ...set, keyVersion: currentKeyVersion(), updatedAt: new Date() } });
}

/** Moves an anonymous end user's history onto the identified one and keeps its id as an alias. */
async function mergeInto(tx: Tx, workspaceId: string, from: { id: string; attributes: Record<string, unknown> }, into: string, anonymousId: string): Promise<void> {
  await tx.execute(sql`select herald_merge_experience_state(${from.id}::uuid, ${into}::uuid)`);
  await tx.update(experienceEvents).set({ endUserId: into }).where(and(eq(experienceEvents.workspaceId, workspaceId), eq(experienceEvents.endUserId, from.id)));
  await tx.update(surveyResponses).set({ endUserId: into }).where(and(eq(surveyResponses.workspaceId, workspaceId), eq(surveyResponses.endUserId, from.id)));
  await tx.update(endUserAliases).set({ endUserId: into }).where(and(eq(endUserAliases.workspaceId, workspaceId), eq(endUserAliases.endUserId, from.id)));
  // Attributes sent while anonymous are newer than the identified user's stored ones.
  await tx
    .update(endUsers)
    .set({ attributes: sql`${endUsers.attributes} || ${JSON.stringify(from.attributes)}::jsonb`, lastSeenDay: sql`current_date` })
    .where(and(eq(endUsers.workspaceId, workspaceId), eq(endUsers.id, into)));
  await tx.delete(endUsers).where(and(eq(endUsers.workspaceId, workspaceId), eq(endUsers.id, from.id)));
  await tx.insert(endUserAliases).values({ workspaceId, anonymousId, endUserId: into }).onConflictDoUpdate({ target: [endUserAliases.workspaceId, endUserAliases.anonymousId], set: { endUserId: into } });
}

type TWorkspace = { id: string; identityVerification: boolean; identitySecret: string };
type TRequest = TIdentifyRequest & { traits: TTraits };

export async function identifyEndUser(ws: TWorkspace, req: TRequest): Promise<TIdentifyResult> {
  if (ws.identityVerification && !userHashValid(req.userId, req.userHash, ws.identitySecret)) {
    return { ok: false, status: 401, message: "userHash does not match userId: compute HMAC-SHA256(userId, identity secret) on your server." };
  }
  try {
    return await link(ws, req);
  } catch (error) {
    // Two devices identifying the same new user at once: one wins the unique external id, the other merges into it.
    if ((error as { code?: string; cause?: { code?: string } }).code !== "23505" && (error as { cause?: { code?: string } }).cause?.code !== "23505") throw error;
    return link(ws, req);
  }
}

function link(ws: TWorkspace, req: TRequest): Promise<TIdentifyResult> {
  return db.transaction(async (tx) => {
    const current = await touchEndUser(ws.id, req.anonymousId, undefined, tx);
    if (current.externalId === req.userId) {
      await saveTraits(tx, ws.id, current.id, req.traits);
      return { ok: true } as const;
    }
    if (current.externalId !== null) {
      return { ok: false, status: 409, message: "This anonymous id already belongs to another identified user: call herald.reset() when a user signs out." } as const;
    }
    const [known] = await tx
      .select({ id: endUsers.id })
      .from(endUsers)
      .where(and(eq(endUsers.workspaceId, ws.id), eq(endUsers.externalId, req.userId)))
      .for("update");
    if (known) {
      await mergeInto(tx, ws.id, current, known.id, req.anonymousId);
      await saveTraits(tx, ws.id, known.id, req.traits);
    } else {
      await tx.update(endUsers).set({ externalId: req.userId }).where(and(eq(endUsers.workspaceId, ws.id), eq(endUsers.id, current.id)));
      await saveTraits(tx, ws.id, current.id, req.traits);
    }
    return { ok: true } as const;
  });
}
