import Link from "next/link";

type WorkspaceLink = { slug: string; name: string; role: string };

// <details> menus work without JavaScript and are keyboard operable by default.
export function WorkspaceSwitcher({ current, workspaces }: { current: WorkspaceLink; workspaces: WorkspaceLink[] }) {
  return (
    <details className="group relative">
      <summary className="flex cursor-pointer list-none items-center justify-between rounded-md px-3 py-2 text-sm font-semibold text-slate-900 ring-1 ring-slate-200 hover:bg-slate-50">
        <span className="truncate">{current.name}</span>
        <span aria-hidden className="ml-2 text-slate-500">▾</span>
        <span className="sr-only">Switch workspace</span>
      </summary>
      <ul className="absolute z-20 mt-1 w-full rounded-md bg-white py-1 shadow-lg ring-1 ring-slate-200">
        {workspaces.map((w) => (
          <li key={w.slug}>
            <Link href={`/w/${w.slug}/experiences`} aria-current={w.slug === current.slug ? "true" : undefined} className="block px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">
              {w.name} <span className="text-xs text-slate-500">({w.role})</span>
            </Link>
          </li>
        ))}
        <li className="border-t border-slate-100">
          <Link href="/onboarding" className="block px-3 py-2 text-sm font-medium text-brand-700 hover:bg-slate-100">
            + New workspace
          </Link>
        </li>
      </ul>
    </details>
  );
}

export function UserMenu({ name, email, signOut }: { name: string | null; email: string; signOut: () => Promise<void> }) {
  return (
    <details className="relative">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
        <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-100 text-xs font-bold text-brand-700">
          {(name ?? email).slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden sm:inline">{name ?? email}</span>
        <span className="sr-only">Account menu</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-56 rounded-md bg-white py-1 shadow-lg ring-1 ring-slate-200">
        <p className="truncate px-3 py-2 text-xs text-slate-500">{email}</p>
        <form action={signOut}>
          <button type="submit" className="block w-full px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100">
            Sign out
          </button>
        </form>
      </div>
    </details>
  );
}
