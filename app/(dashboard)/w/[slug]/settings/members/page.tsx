import { Card, PageHeader } from "@/components/ui/card";
import { InviteForm, RowActionForm } from "@/components/dashboard/members/member-forms";
import { SettingsNav } from "@/components/dashboard/settings/settings-nav";
import { listMembers, listPendingInvitations } from "@/lib/workspaces/invitations";
import { requireMember } from "@/lib/workspaces/membership";
import { inviteMember, removeMemberAction, revokeInvitationAction } from "./actions";

export const metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, role, userId } = await requireMember(slug);
  const [members, invitations] = await Promise.all([listMembers(workspace.id), listPendingInvitations(workspace.id)]);
  const isOwner = role === "owner";
  return (
    <>
      <PageHeader title="Members" description="Owners invite and remove members. Admins manage content and billing; members manage content." />
      <SettingsNav slug={slug} current="/members" isOwner={isOwner} />
      {isOwner ? (
        <Card className="mb-6">
          <h2 className="mb-4 text-base font-semibold">Invite someone</h2>
          <InviteForm action={inviteMember} workspace={slug} />
        </Card>
      ) : null}
      <Card>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Members of {workspace.name}</caption>
          <thead className="text-xs uppercase text-slate-500">
            <tr><th scope="col" className="py-2">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col"><span className="sr-only">Actions</span></th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((m) => (
              <tr key={m.userId}>
                <td className="py-3 font-medium">{m.name ?? "—"}</td>
                <td>{m.email}</td>
                <td className="capitalize">{m.role}</td>
                <td className="text-right">
                  {isOwner && m.userId !== userId ? (
                    <RowActionForm action={removeMemberAction} workspace={slug} name="userId" value={m.userId} label="Remove" confirm={`Remove ${m.email} from ${workspace.name}?`} />
                  ) : null}
                </td>
              </tr>
            ))}
            {invitations.map((i) => (
              <tr key={i.id} className="text-slate-500">
                <td className="py-3 italic">Invited</td>
                <td>{i.email}</td>
                <td className="capitalize">{i.role}</td>
                <td className="text-right">
                  {isOwner ? (
                    <RowActionForm action={revokeInvitationAction} workspace={slug} name="invitationId" value={i.id} label="Revoke" confirm={`Revoke the invitation for ${i.email}?`} />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
