import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, eq, like } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { memberships, workspaces, type Role } from "@/db/schema";
import { encrypt } from "@/lib/crypto/data-encryption";
import { slugify } from "./slug";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function randomToken(length: number): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => BASE62[b % 62]).join("");
}

export function newPublicKey(): string {
  return `pk_${randomToken(24)}`;
}

export function newIdentitySecret(): string {
  return randomBytes(32).toString("hex");
}

async function uniqueSlug(exec: Executor, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await exec.select({ slug: workspaces.slug }).from(workspaces).where(like(workspaces.slug, `${base}%`))).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base.slice(0, 36)}-${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A workspace with its public SDK key and identity secret; the creator becomes owner. */
export async function createWorkspace(exec: Executor, input: { name: string; ownerId: string }) {
  const slug = await uniqueSlug(exec, input.name);
  const [workspace] = await exec
    .insert(workspaces)
    .values({ name: input.name, slug, publicKey: newPublicKey(), identitySecretEnc: encrypt(newIdentitySecret()) })
    .returning();
  await exec.insert(memberships).values({ workspaceId: workspace.id, userId: input.ownerId, role: "owner" });
  return workspace;
}

export async function listWorkspacesForUser(userId: string) {
  return db
    .select({ id: workspaces.id, name: workspaces.name, slug: workspaces.slug, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(workspaces.name));
}

/** The member's role in the workspace with this slug, or undefined when not a member (or no such workspace). */
export async function findMembership(userId: string, slug: string) {
  const [row] = await db
    .select({ workspace: workspaces, role: memberships.role })
    .from(workspaces)
    .innerJoin(memberships, and(eq(memberships.workspaceId, workspaces.id), eq(memberships.userId, userId)))
    .where(eq(workspaces.slug, slug))
    .limit(1);
  return row as { workspace: typeof workspaces.$inferSelect; role: Role } | undefined;
}
