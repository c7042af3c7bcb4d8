"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { SECTIONS } from "./nav";

export function SidebarNav({ slug }: { slug: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Workspace sections">
      <ul className="space-y-1">
        {SECTIONS.map((s) => {
          const href = `/w/${slug}/${s.segment}`;
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={s.segment}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium ${active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
