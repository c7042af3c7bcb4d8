import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { db } from "@/db";
import { invitations, memberships, users, workspaces, type Role } from "@/db/schema";

const INVITATION_DAYS = 7;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Returns the token to put in the link; only its hash is stored. */
export async function createInvitation(workspaceId: string, input: { email: string; role: Role; invitedBy: string }) {
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
  const [invitation] = await db
    .insert(invitations)
    .values({ workspaceId, email: input.email, role: input.role, invitedBy: input.invitedBy, tokenHash: hashToken(token), expiresAt })
    .returning();
  return { invitation, token };
}

export async function listPendingInvitations(workspaceId: string) {
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.workspaceId, workspaceId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())));
}

export async function revokeInvitation(workspaceId: string, invitationId: string) {
  await db.delete(invitations).where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, invitationId)));
}

/** The open invitation behind a link, with its workspace's name, or undefined (unknown, used or expired). */
export async function findOpenInvitation(token: string) {
  const [row] = await db
    .select({ invitation: invitations, workspaceName: workspaces.name, workspaceSlug: workspaces.slug })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())))
    .limit(1);
  return row;
}

/** Joins the signed-in user to the workspace; keeps an existing (possibly higher) role. */
export async function acceptInvitation(token: string, userId: string) {
  const open = await findOpenInvitation(token);
  if (!open) return undefined;
  await db.transaction(async (tx) => {
    await tx
      .insert(memberships)
      .values({ workspaceId: open.invitation.workspaceId, userId, role: open.invitation.role })
      .onConflictDoNothing();
    await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, open.invitation.id));
  });
  return open.workspaceSlug;
}

export async function listMembers(workspaceId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(memberships.createdAt);
}

export type RemoveResult = { ok: true } | { ok: false; error: string };

/** Owners remove members; the last owner cannot be removed (a workspace always has one). */
export async function removeMember(workspaceId: string, userId: string): Promise<RemoveResult> {
  const members = await listMembers(workspaceId);
  const target = members.find((m) => m.userId === userId);
  if (!target) return { ok: false, error: "That person is not a member of this workspace." };
  if (target.role === "owner" && members.filter((m) => m.role === "owner").length === 1) {
    return { ok: false, error: "A workspace needs at least one owner." };
  }
  await db.delete(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return { ok: true };
}
