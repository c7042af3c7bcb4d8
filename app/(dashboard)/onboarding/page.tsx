import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { CreateWorkspaceForm } from "@/components/dashboard/create-workspace-form";
import { currentUserId } from "@/lib/auth/auth";
import { createWorkspaceAction } from "./actions";

export const metadata = { title: "Create a workspace" };

export default async function OnboardingPage() {
  if (!(await currentUserId())) redirect("/sign-in?callbackUrl=/onboarding");
  return (
    <div className="min-h-screen bg-white">
      <AuthCard title="Create a workspace" subtitle="A workspace holds one product's experiences, segments, users and changelog.">
        <CreateWorkspaceForm action={createWorkspaceAction} />
      </AuthCard>
    </div>
  );
}
