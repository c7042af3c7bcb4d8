import "server-only";
import { and, asc, desc, eq, gt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { endUserIdentities, endUsers } from "@/db/schema";
import { blindIndex } from "@/lib/crypto/data-encryption";
import { readIdentity, type TIdentity } from "./identity";

export const USERS_PAGE_SIZE = 25;
/** Name search decrypts identities batch by batch; past this many it stops and says so. */
export const NAME_SCAN_LIMIT = 20_000;

export async function endUserCounts(workspaceId: string) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      identified: sql<number>`count(${endUserIdentities.endUserId})::int`,
    })
    .from(endUsers)
    .leftJoin(endUserIdentities, eq(endUserIdentities.endUserId, endUsers.id))
    .where(eq(endUsers.workspaceId, workspaceId));
  return { total: row.total, identified: row.identified, anonymous: row.total - row.identified };
}

export const ZUserSearch = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type TIdentifiedUser = TIdentity & { endUserId: string; externalId: string | null; lastSeenDay: string; attributes: Record<string, unknown> };

const columns = {
  endUserId: endUsers.id,
  externalId: endUsers.externalId,
  lastSeenDay: endUsers.lastSeenDay,
  attributes: endUsers.attributes,
  emailEnc: endUserIdentities.emailEnc,
  nameEnc: endUserIdentities.nameEnc,
  usernameEnc: endUserIdentities.usernameEnc,
};
type Raw = { endUserId: string; externalId: string | null; lastSeenDay: string; attributes: Record<string, unknown>; emailEnc: string | null; nameEnc: string | null; usernameEnc: string | null };

function open(r: Raw): TIdentifiedUser {
  const { emailEnc, nameEnc, usernameEnc, ...rest } = r;
  return { ...rest, ...readIdentity({ emailEnc, nameEnc, usernameEnc }) };
}

function identified(workspaceId: string, extra?: SQL) {
  return db
    .select(columns)
    .from(endUserIdentities)
    .innerJoin(endUsers, eq(endUsers.id, endUserIdentities.endUserId))
    .where(and(eq(endUserIdentities.workspaceId, workspaceId), eq(endUsers.workspaceId, workspaceId), extra));
}

/**
 * Identified end users, newest first. A query with "@" is an exact email, found through the blind
 * index without decrypting anything; any other query matches names, which only exist encrypted, so
 * identities are decrypted batch by batch (at most NAME_SCAN_LIMIT of them).
 */
export async function listIdentifiedUsers(workspaceId: string, search: Partial<z.infer<typeof ZUserSearch>> = {}) {
  const { q, page } = ZUserSearch.parse(search);
  const offset = (page - 1) * USERS_PAGE_SIZE;
  if (q && q.includes("@")) {
    const rows = (await identified(workspaceId, eq(endUserIdentities.emailHash, blindIndex(q)))).map(open);
    return { rows, total: rows.length, page: 1, pageCount: 1, truncated: false };
  }
  if (q) {
    const needle = q.toLowerCase();
    const matches: TIdentifiedUser[] = [];
    let scanned = 0;
    let after: string | undefined;
    while (scanned < NAME_SCAN_LIMIT) {
      const batch = await identified(workspaceId, after ? gt(endUsers.id, after) : undefined).orderBy(asc(endUsers.id)).limit(1_000);
      scanned += batch.length;
      for (const r of batch) {
        const person = open(r);
        if (person.name?.toLowerCase().includes(needle) || person.username?.toLowerCase().includes(needle)) matches.push(person);
      }
      if (batch.length < 1_000) break;
      after = batch[batch.length - 1].endUserId;
    }
    return {
      rows: matches.slice(offset, offset + USERS_PAGE_SIZE),
      total: matches.length,
      page,
      pageCount: Math.max(1, Math.ceil(matches.length / USERS_PAGE_SIZE)),
      truncated: scanned >= NAME_SCAN_LIMIT,
    };
  }
  const [rows, [{ total }]] = await Promise.all([
    identified(workspaceId).orderBy(desc(endUserIdentities.createdAt), desc(endUsers.id)).limit(USERS_PAGE_SIZE).offset(offset),
    db.select({ total: sql<number>`count(*)::int` }).from(endUserIdentities).where(eq(endUserIdentities.workspaceId, workspaceId)),
  ]);
  return { rows: rows.map(open), total, page, pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)), truncated: false };
}
