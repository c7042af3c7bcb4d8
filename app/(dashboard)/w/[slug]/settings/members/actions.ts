"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ZEmail } from "@/lib/auth/schemas";
import { workspaceAction } from "@/lib/http/workspace-action";
import { sendMail } from "@/lib/mail/mailer";
import { createInvitation, removeMember, revokeInvitation } from "@/lib/workspaces/invitations";
import { OWNERS } from "@/lib/workspaces/membership";

export const inviteMember = workspaceAction(
  z.object({ email: ZEmail, role: z.enum(["admin", "member"], { error: "Choose a role." }) }),
  async (input, ctx) => {
    const { token } = await createInvitation(ctx.workspace.id, { ...input, invitedBy: ctx.userId });
    const link = `${process.env.APP_URL ?? "http://localhost:3000"}/invite/${token}`;
    const mailed = await sendMail(
      input.email,
      `You're invited to ${ctx.workspace.name} on Herald`,
      `You were invited to join ${ctx.workspace.name} on Herald as ${input.role}.\n\nAccept within 7 days: ${link}\n`,
    );
    revalidatePath(`/w/${ctx.workspace.slug}/settings/members`);
    return { ok: true, message: mailed ? `Invitation sent to ${input.email}.` : `Share this link with ${input.email}: ${link}` };
  },
  { roles: OWNERS },
);

export const removeMemberAction = workspaceAction(
  z.object({ userId: z.string().min(1).max(100) }),
  async ({ userId }, ctx) => {
    const result = await removeMember(ctx.workspace.id, userId);
    if (!result.ok) return { error: result.error };
    revalidatePath(`/w/${ctx.workspace.slug}/settings/members`);
    return { ok: true, message: "Member removed." };
  },
  { roles: OWNERS },
);

export const revokeInvitationAction = workspaceAction(
  z.object({ invitationId: z.uuid() }),
  async ({ invitationId }, ctx) => {
    await revokeInvitation(ctx.workspace.id, invitationId);
    revalidatePath(`/w/${ctx.workspace.slug}/settings/members`);
    return { ok: true, message: "Invitation revoked." };
  },
  { roles: OWNERS },
);
