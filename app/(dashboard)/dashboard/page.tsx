import { redirect } from "next/navigation";
import { currentUserId } from "@/lib/auth/auth";
import { listWorkspacesForUser } from "@/lib/workspaces/workspaces";

export default async function DashboardEntry() {
  const userId = await currentUserId();
  if (!userId) redirect("/sign-in?callbackUrl=/dashboard");
  const [first] = await listWorkspacesForUser(userId);
  redirect(first ? `/w/${first.slug}/experiences` : "/onboarding");
}
