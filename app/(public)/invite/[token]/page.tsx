import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { Button, ButtonLink } from "@/components/ui/button";
import { currentUserId } from "@/lib/auth/auth";
import { acceptInvitation, findOpenInvitation } from "@/lib/workspaces/invitations";

export const metadata = { title: "Join a workspace" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const open = await findOpenInvitation(token);
  if (!open) {
    return (
      <AuthCard title="This invitation is no longer valid">
        <p className="text-sm text-slate-700">It was already used or it expired (invitations last 7 days). Ask the workspace owner for a new one.</p>
      </AuthCard>
    );
  }
  const userId = await currentUserId();
  async function join() {
    "use server";
    const uid = await currentUserId();
    if (!uid) redirect(`/sign-in?callbackUrl=/invite/${token}`);
    const slug = await acceptInvitation(token, uid);
    redirect(slug ? `/w/${slug}/experiences` : `/invite/${token}`);
  }
  return (
    <AuthCard title={`Join ${open.workspaceName}`} subtitle={`You were invited as ${open.invitation.role} (${open.invitation.email}).`}>
      {userId ? (
        <form action={join}>
          <Button type="submit" className="w-full">Join {open.workspaceName}</Button>
        </form>
      ) : (
        <div className="space-y-3">
          <ButtonLink href={`/sign-in?callbackUrl=/invite/${token}`} className="w-full">Sign in to accept</ButtonLink>
          <ButtonLink href={`/sign-up?invite=${token}`} variant="secondary" className="w-full">Create an account</ButtonLink>
        </div>
      )}
    </AuthCard>
  );
}
