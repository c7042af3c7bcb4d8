import Link from "next/link";
import { SidebarNav } from "@/components/dashboard/sidebar-nav";
import { UserMenu, WorkspaceSwitcher } from "@/components/dashboard/menus";
import { requireMember } from "@/lib/workspaces/membership";
import { listWorkspacesForUser } from "@/lib/workspaces/workspaces";
import { findUserById } from "@/lib/auth/users";
import { signOutAction } from "../../actions";

export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, role, userId } = await requireMember(slug);
  const [all, user] = await Promise.all([listWorkspacesForUser(userId), findUserById(userId)]);
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-64 shrink-0 flex-col gap-6 border-r border-slate-200 bg-white p-4 md:flex">
        <Link href={`/w/${slug}/experiences`} className="px-3 text-lg font-bold tracking-tight text-brand-700">
          Herald
        </Link>
        <WorkspaceSwitcher current={{ slug, name: workspace.name, role }} workspaces={all} />
        <SidebarNav slug={slug} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-between gap-4 border-b border-slate-200 bg-white px-6 py-3">
          <div className="md:hidden">
            <WorkspaceSwitcher current={{ slug, name: workspace.name, role }} workspaces={all} />
          </div>
          <p className="hidden text-sm text-slate-500 md:block">
            {workspace.name} · <span className="capitalize">{role}</span>
          </p>
          <UserMenu name={user?.name ?? null} email={user?.email ?? ""} signOut={signOutAction} />
        </header>
        <div className="border-b border-slate-200 bg-white px-4 py-2 md:hidden">
          <SidebarNav slug={slug} />
        </div>
        <main className="flex-1 px-6 py-8">{children}</main>
      </div>
    </div>
  );
}
