import type { Metadata } from "next";
import { COOKIE_REGISTRY, KIND_LABEL, SET_BY_LABEL } from "@/lib/cookies";
import { CodePath, LegalArticle, LegalSection } from "@/components/legal/legal-article";

export const metadata: Metadata = { title: "Cookie policy" };

export default function CookiePolicyPage() {
  return (
    <LegalArticle
      title="Cookie policy"
      lead="Herald uses only what it needs to work: a few cookies to keep admins signed in, and a few browser-storage keys that hold random ids, never anything that identifies a person."
    >
      <LegalSection title="No consent banner, and why">
        <p>
          Every cookie and storage key below is strictly necessary for a feature you asked for: staying signed in, not seeing
          the same announcement twice, counting a reaction once. None is used for advertising, analytics across sites, or
          profiling, and none is shared with anyone. Strictly necessary storage needs no consent, so Herald shows no banner.
          If that ever changed, this page and a consent prompt would come first.
        </p>
        <p>
          This list is generated from the single registry in <CodePath>lib/cookies.ts</CodePath>. An automated test signs up,
          uses the dashboard, the public changelog and the SDK, and fails if the browser holds any cookie or storage key that is
          not listed here, or one whose attributes or lifetime differ.
        </p>
      </LegalSection>
      <LegalSection title="Everything Herald stores in your browser">
        {/* Focusable so that keyboard users can scroll the table sideways on small screens. */}
        <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600" tabIndex={0} role="region" aria-label="Cookie and storage table">
          <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
            <caption className="sr-only">Cookies and browser-storage keys set by Herald</caption>
            <thead className="bg-slate-50 text-slate-900">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">Name</th>
                <th scope="col" className="px-3 py-2 font-semibold">Type</th>
                <th scope="col" className="px-3 py-2 font-semibold">Set by</th>
                <th scope="col" className="px-3 py-2 font-semibold">Purpose</th>
                <th scope="col" className="px-3 py-2 font-semibold">Lifetime</th>
                <th scope="col" className="px-3 py-2 font-semibold">Attributes</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 bg-white align-top">
              {COOKIE_REGISTRY.map((e) => (
                <tr key={`${e.kind}:${e.name}`}>
                  <th scope="row" className="px-3 py-2 font-mono text-xs font-medium text-slate-900">
                    {e.name}
                    {e.secureName ? <span className="block text-slate-500">over HTTPS: {e.secureName}</span> : null}
                  </th>
                  <td className="px-3 py-2">{KIND_LABEL[e.kind]}</td>
                  <td className="px-3 py-2">{SET_BY_LABEL[e.setBy]}</td>
                  <td className="px-3 py-2">{e.purpose}</td>
                  <td className="px-3 py-2">{e.lifetime}</td>
                  <td className="px-3 py-2">
                    {e.attributes ? `HttpOnly${e.attributes.httpOnly ? "" : ": no"}; SameSite=${e.attributes.sameSite}; Secure over HTTPS` : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="text-sm text-slate-600">
          All entries are in the category <strong>functional</strong>. Cookies are sent only to this Herald installation.
          Storage keys set by the SDK live on the website that embeds it, under that site&apos;s address.
        </p>
      </LegalSection>
      <LegalSection title="Removing them">
        <p>
          Signing out deletes the session cookie. Any of these can be deleted in the browser&apos;s site settings at any time;
          Herald then draws a new random id, and you may see an announcement you had dismissed once more.
        </p>
      </LegalSection>
    </LegalArticle>
  );
}
