import type { ReactNode } from "react";
import { Alert } from "@/components/ui/card";

/** The frame of the public legal pages: a readable column with a title and a short lead. */
export function LegalArticle({ title, lead, children }: { title: string; lead: ReactNode; children: ReactNode }) {
  return (
    <article className="mx-auto max-w-3xl px-6 py-12 text-slate-700">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{title}</h1>
      <p className="mt-4 text-lg text-slate-600">{lead}</p>
      <div className="mt-8 space-y-10">{children}</div>
    </article>
  );
}

export function LegalSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-3 leading-7">
      <h2 className="text-xl font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

/** A path in this repository, so that a reader can check a statement against the code. */
export function CodePath({ children }: { children: ReactNode }) {
  return <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] text-slate-800">{children}</code>;
}

/** Shown while the operator details are placeholders: the page is a template, not yet a policy. */
export function OperatorNotice({ missing }: { missing: string[] }) {
  if (!missing.length) return null;
  return (
    <Alert tone="info">
      This installation has not yet set who operates it. Values in square brackets are placeholders; the operator sets{" "}
      {missing.map((m, i) => (
        <span key={m}>
          {i ? ", " : ""}
          <CodePath>{m}</CodePath>
        </span>
      ))}{" "}
      before relying on this page.
    </Alert>
  );
}
