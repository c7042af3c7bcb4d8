// Translations of an experience: `{ [locale]: partial content }` holding only the text an end user
// reads, laid over the default content by position (lib/sdk/localize-content.ts). Generic over every
// content type: the text fields are found by walking the content, so new types need no change here.
// Pure, shared by the dashboard's translation panel and the server's validation.
import { z } from "zod";
import { ZLocale } from "@/lib/changelog/schemas";
import { overlay } from "@/lib/sdk/localize-content";
import { ZTypedContent, type TTypedContent } from "./content";
import { isNotText as notText } from "./text-keys";

export const MAX_TRANSLATIONS = 20;


export type TTextField = { path: (string | number)[]; value: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Every string an end user reads in `content`, in document order, with its path. */
export function textFields(content: unknown, path: (string | number)[] = []): TTextField[] {
  if (typeof content === "string") return [{ path, value: content }];
  if (Array.isArray(content)) return content.flatMap((item, i) => textFields(item, [...path, i]));
  if (isObject(content)) return Object.entries(content).flatMap(([k, v]) => (notText(k) ? [] : textFields(v, [...path, k])));
  return [];
}

/** The value at `path` inside `value`, or undefined. */
export function valueAt(value: unknown, path: (string | number)[]): unknown {
  let cur = value;
  for (const key of path) cur = Array.isArray(cur) || isObject(cur) ? (cur as Record<string | number, unknown>)[key] : undefined;
  return cur;
}

/**
 * The translation reduced to the content's text fields with some text: anything else (ids, URLs,
 * keys the content lacks) is dropped. Array positions are kept with empty placeholders, which the
 * overlay reads as "keep the default". Undefined when nothing is translated.
 */
export function pruneTranslation(content: unknown, translation: unknown): unknown {
  function walk(base: unknown, over: unknown, key: string): unknown {
    if (notText(key)) return undefined;
    if (typeof base === "string") return typeof over === "string" && over.trim() ? over : undefined;
    if (Array.isArray(base)) {
      if (!Array.isArray(over)) return undefined;
      const items = base.map((item, i) => walk(item, over[i], String(i)));
      let last = items.length - 1;
      while (last >= 0 && items[last] === undefined) last--;
      if (last < 0) return undefined;
      return items.slice(0, last + 1).map((item, i) => item ?? (typeof base[i] === "string" ? "" : {}));
    }
    if (isObject(base)) {
      if (!isObject(over)) return undefined;
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(base)) {
        const v = walk(base[k], over[k], k);
        if (v !== undefined) out[k] = v;
      }
      return Object.keys(out).length > 0 ? out : undefined;
    }
    return undefined;
  }
  return walk(content, translation, "");
}

export const ZTranslationsInput = z.record(z.string(), z.unknown()).superRefine((t, ctx) => {
  const locales = Object.keys(t);
  if (locales.length > MAX_TRANSLATIONS) ctx.addIssue({ code: "custom", message: `At most ${MAX_TRANSLATIONS} translations.` });
  for (const locale of locales) {
    if (!ZLocale.safeParse(locale).success) ctx.addIssue({ code: "custom", path: [locale], message: `“${locale.slice(0, 20)}” is not a locale code: use one like fr or pt-BR.` });
  }
});

export type TTranslationIssue = { path: string; message: string };

/**
 * Each locale's translation pruned to text, and checked by the content's own schema once laid over
 * the default (so a translated title obeys the title's length limit). Issues are keyed like the form's
 * fields: `translations.fr.questions.0.prompt`.
 */
export function checkTranslations(typed: TTypedContent, translations: Record<string, unknown>): { translations: Record<string, unknown>; issues: TTranslationIssue[] } {
  const out: Record<string, unknown> = {};
  const issues: TTranslationIssue[] = [];
  for (const [locale, raw] of Object.entries(translations)) {
    const pruned = pruneTranslation(typed.content, raw);
    if (pruned === undefined) continue;
    const parsed = ZTypedContent.safeParse({ type: typed.type, content: overlay(typed.content, pruned) });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path[0] === "content" ? issue.path.slice(1) : issue.path;
        // Only issues on translated text belong to the translation; the rest is the default's.
        if (typeof valueAt(pruned, path as (string | number)[]) === "string") issues.push({ path: ["translations", locale, ...path].join("."), message: issue.message });
      }
    }
    out[locale] = pruned;
  }
  return { translations: out, issues };
}

/** Reads the stored translations leniently for the editor. */
export function readTranslations(raw: unknown): Record<string, Record<string, unknown>> {
  if (!isObject(raw)) return {};
  const out: Record<string, Record<string, unknown>> = {};
  for (const [locale, t] of Object.entries(raw)) if (ZLocale.safeParse(locale).success && isObject(t)) out[locale] = t;
  return out;
}
