import Link from "next/link";

const PAGES = [
  { path: "", label: "General" },
  { path: "/identity", label: "Identity verification" },
  { path: "/theme", label: "Theme" },
  { path: "/privacy", label: "Data & privacy" },
  { path: "/members", label: "Members" },
  { path: "/audit", label: "Audit log", ownersOnly: true },
];

export function SettingsNav({ slug, current, isOwner }: { slug: string; current: string; isOwner: boolean }) {
  return (
    <nav aria-label="Settings pages" className="mb-6 flex flex-wrap gap-1 border-b border-slate-200">
      {PAGES.filter((p) => !p.ownersOnly || isOwner).map((p) => (
        <Link
          key={p.path}
          href={`/w/${slug}/settings${p.path}`}
          aria-current={current === p.path ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${current === p.path ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {p.label}
        </Link>
      ))}
    </nav>
  );
}
