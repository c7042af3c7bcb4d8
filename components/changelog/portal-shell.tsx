import type { CSSProperties, ReactNode } from "react";

export type PortalBrand = { name: string; url: string; accentColor: string; logoUrl?: string };

/** The portal's own light frame: workspace name or logo in its accent colour, feed links, no tracking. */
export function PortalShell({ brand, children }: { brand: PortalBrand; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-white" style={{ "--accent": brand.accentColor } as CSSProperties}>
      <header className="border-b border-slate-200">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-6 py-5">
          <a href={brand.url} className="flex items-center gap-3 text-lg font-bold tracking-tight text-[var(--accent)]">
            {/* eslint-disable-next-line @next/next/no-img-element -- next/image would add client JavaScript to the portal */}
            {brand.logoUrl ? <img src={brand.logoUrl} alt="" width={32} height={32} className="h-8 w-8 rounded object-contain" /> : null}
            <span>{brand.name}</span>
            <span className="font-normal text-slate-500">changelog</span>
          </a>
          <nav aria-label="Feeds" className="flex gap-3 text-sm text-slate-600">
            <a href={`${brand.url}/rss.xml`} className="hover:text-[var(--accent)]">RSS</a>
            <a href={`${brand.url}/atom.xml`} className="hover:text-[var(--accent)]">Atom</a>
          </nav>
        </div>
      </header>
      <main className="mx-auto w-full max-w-3xl flex-1 px-6 py-10">{children}</main>
      <footer className="border-t border-slate-200">
        <p className="mx-auto max-w-3xl px-6 py-6 text-xs text-slate-500">
          No account, no cookies, no tracking. Reactions are counted with a random id kept only in your browser.
        </p>
      </footer>
    </div>
  );
}

export function CategoryBadge({ category }: { category: string }) {
  return (
    <span className="inline-flex items-center rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-semibold text-[var(--accent,#4f46e5)] ring-1 ring-inset ring-slate-200">
      {category}
    </span>
  );
}

export function formatPostDate(date: Date, locale = "en"): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}
