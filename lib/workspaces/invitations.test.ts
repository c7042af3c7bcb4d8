import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { invitations } from "@/db/schema";
import { createOwnerWithWorkspace, createUser } from "@/test/factories";
import { acceptInvitation, createInvitation, findOpenInvitation, listMembers, listPendingInvitations, removeMember, revokeInvitation } from "./invitations";
import { findMembership } from "./workspaces";

describe("invitations", () => {
  it("stores only a hash, joins once, and expires after 7 days", async () => {
    const { user: owner, workspace } = await createOwnerWithWorkspace();
    const { invitation, token } = await createInvitation(workspace.id, { email: "new@example.test", role: "admin", invitedBy: owner.id });
    expect(invitation.tokenHash).not.toContain(token);
    const days = (invitation.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const joiner = await createUser();
    expect(await acceptInvitation(token, joiner.id)).toBe(workspace.slug);
    expect((await findMembership(joiner.id, workspace.slug))?.role).toBe("admin");
    expect(await acceptInvitation(token, (await createUser()).id)).toBeUndefined(); // used
  });

  it("refuses an expired invitation", async () => {
    const { user: owner, workspace } = await createOwnerWithWorkspace();
    const { invitation, token } = await createInvitation(workspace.id, { email: "late@example.test", role: "member", invitedBy: owner.id });
    await db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, invitation.id));
    expect(await findOpenInvitation(token)).toBeUndefined();
    expect(await listPendingInvitations(workspace.id)).toHaveLength(0);
  });

  it("revoking is scoped to the workspace", async () => {
    const a = await createOwnerWithWorkspace();
    const b = await createOwnerWithWorkspace();
    const { invitation } = await createInvitation(a.workspace.id, { email: "x@example.test", role: "member", invitedBy: a.user.id });
    await revokeInvitation(b.workspace.id, invitation.id); // another workspace: no effect
    expect(await listPendingInvitations(a.workspace.id)).toHaveLength(1);
    await revokeInvitation(a.workspace.id, invitation.id);
    expect(await listPendingInvitations(a.workspace.id)).toHaveLength(0);
  });
});

describe("members", () => {
  it("removes a member but never the last owner, and only within the workspace", async () => {
    const { user: owner, workspace } = await createOwnerWithWorkspace();
    const other = await createOwnerWithWorkspace();
    const { token } = await createInvitation(workspace.id, { email: "m@example.test", role: "member", invitedBy: owner.id });
    const member = await createUser();
    await acceptInvitation(token, member.id);

    expect(await removeMember(other.workspace.id, member.id)).toMatchObject({ ok: false });
    expect(await removeMember(workspace.id, owner.id)).toEqual({ ok: false, error: "A workspace needs at least one owner." });
    expect(await removeMember(workspace.id, member.id)).toEqual({ ok: true });
    expect((await listMembers(workspace.id)).map((m) => m.userId)).toEqual([owner.id]);
  });
});

describe("findMembership", () => {
  it("answers nothing for a workspace the user is not a member of", async () => {
    const a = await createOwnerWithWorkspace();
    const b = await createOwnerWithWorkspace();
    expect(await findMembership(a.user.id, b.workspace.slug)).toBeUndefined();
    expect(await findMembership(a.user.id, "no-such-slug")).toBeUndefined();
    expect((await findMembership(a.user.id, a.workspace.slug))?.role).toBe("owner");
  });
});
