import "server-only";
import { and, asc, eq, gt, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { endUserIdentities, endUsers } from "@/db/schema";
import { decrypt } from "@/lib/crypto/data-encryption";
import { evaluate, usesTraits } from "./evaluate";
import type { TGroup } from "./rules-schema";

const BATCH = 2_000;

function traitsOf(identity: { emailEnc: string | null; nameEnc: string | null; usernameEnc: string | null } | null) {
  if (!identity) return {};
  const out: Record<string, string> = {};
  if (identity.emailEnc) out.email = decrypt(identity.emailEnc);
  if (identity.nameEnc) out.name = decrypt(identity.nameEnc);
  if (identity.usernameEnc) out.username = decrypt(identity.usernameEnc);
  return out;
}

/**
 * "N end users match": walks the workspace's end users in id order, batch by batch, so memory stays
 * flat; identities are decrypted only when a rule looks at traits.
 */
export async function countMatching(workspaceId: string, rules: TGroup): Promise<{ matching: number; total: number }> {
  const withTraits = usesTraits(rules);
  let matching = 0;
  let total = 0;
  let after: string | undefined;
  for (;;) {
    const where: SQL[] = [eq(endUsers.workspaceId, workspaceId)];
    if (after) where.push(gt(endUsers.id, after));
    const batch = await db
      .select({
        id: endUsers.id,
        attributes: endUsers.attributes,
        emailEnc: endUserIdentities.emailEnc,
        nameEnc: endUserIdentities.nameEnc,
        usernameEnc: endUserIdentities.usernameEnc,
        identified: endUserIdentities.endUserId,
      })
      .from(endUsers)
      .leftJoin(endUserIdentities, and(eq(endUserIdentities.endUserId, endUsers.id), eq(endUserIdentities.workspaceId, workspaceId)))
      .where(and(...where))
      .orderBy(asc(endUsers.id))
      .limit(BATCH);
    for (const u of batch) {
      const traits = withTraits && u.identified ? traitsOf(u) : {};
      if (evaluate(rules, { attributes: u.attributes ?? {}, traits })) matching++;
    }
    total += batch.length;
    if (batch.length < BATCH) return { matching, total };
    after = batch[batch.length - 1].id;
  }
}
