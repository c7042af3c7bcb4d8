// Picks which translation of a post a reader sees: ?lang= first, then Accept-Language, else the
// default text. Nothing about the choice is stored. Pure.
import type { TTranslations } from "./schemas";

function normalise(tag: string): string {
  const [lang, region] = tag.trim().split(/[-_]/);
  return region ? `${lang.toLowerCase()}-${region.toUpperCase()}` : (lang ?? "").toLowerCase();
}

/** Language tags of an Accept-Language header, most preferred first (q=0 dropped). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .slice(0, 500)
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.trim().slice(2) ?? 1);
      return { tag: normalise(tag), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((e) => e.tag && e.tag !== "*" && e.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((e) => e.tag);
}

/** The best of `available` for the reader, or undefined for the default text. */
export function pickLocale(available: readonly string[], opts: { lang?: string | null; acceptLanguage?: string | null; defaultLocale?: string }): string | undefined {
  const wanted = opts.lang ? [normalise(opts.lang)] : parseAcceptLanguage(opts.acceptLanguage);
  for (const tag of wanted) {
    if (opts.defaultLocale && (tag === opts.defaultLocale || tag.split("-")[0] === opts.defaultLocale)) return undefined;
    const exact = available.find((l) => l === tag);
    if (exact) return exact;
    const base = tag.split("-")[0];
    const sameLanguage = available.find((l) => l === base) ?? available.find((l) => l.split("-")[0] === base);
    if (sameLanguage) return sameLanguage;
  }
  return undefined;
}

/** The post's title and body in `locale`, each falling back to the default text. */
export function localize<P extends { title: string; body: string; translations: unknown }>(post: P, locale: string | undefined): { title: string; body: string; locale?: string } {
  const t = locale ? (post.translations as TTranslations | null)?.[locale] : undefined;
  if (!t) return { title: post.title, body: post.body };
  return { title: t.title || post.title, body: t.body || post.body, locale };
}
