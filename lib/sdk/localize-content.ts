// An experience's content in the end user's locale: the translation (a partial copy of the content,
// e.g. `{ title, questions: [{ prompt }] }`) laid over the default text. The locale chooses text only
// and is never stored. Pure.
import { pickLocale } from "@/lib/changelog/locale";
import { ZTypedContent, type TTypedContent } from "@/lib/experiences/content";
import { isNotText } from "@/lib/experiences/text-keys";

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Objects merge key by key, arrays item by item (so `questions[0].prompt` can be translated alone);
 * empty strings keep the default, and keys holding code (ids, URLs, selectors, actions) are never replaced.
 */
export function overlay(base: unknown, over: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(over)) return base.map((item, i) => (i < over.length ? overlay(item, over[i]) : item));
  if (isObject(base) && isObject(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) if (k in base && !isNotText(k)) out[k] = overlay(base[k], v);
    return out;
  }
  if (typeof base === "string") return typeof over === "string" && over.trim() ? over : base;
  return base;
}

/**
 * The typed content to render for `locale` (undefined: the default). A translation that would make
 * the content invalid (say, an over-long title) is ignored rather than shown broken.
 */
export function localizeContent(typed: TTypedContent, translations: unknown, opts: { locale?: string; defaultLocale: string }): TTypedContent {
  if (!isObject(translations) || !opts.locale) return typed;
  const chosen = pickLocale(Object.keys(translations), { lang: opts.locale, defaultLocale: opts.defaultLocale });
  if (!chosen) return typed;
  const parsed = ZTypedContent.safeParse({ type: typed.type, content: overlay(typed.content, translations[chosen]) });
  return parsed.success ? parsed.data : typed;
}
