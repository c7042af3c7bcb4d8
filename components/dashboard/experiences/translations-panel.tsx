"use client";

import { useState } from "react";
import { TextArea, TextInput } from "@/components/dashboard/form-controls";
import { Button } from "@/components/ui/button";
import { ZLocale } from "@/lib/changelog/schemas";
import { MAX_TRANSLATIONS, textFields, valueAt, type TTextField } from "@/lib/experiences/translations";

export type Translations = Record<string, Record<string, unknown>>;
type Path = TTextField["path"];

/** "fr" → "French"; an unknown code shows as itself. */
function languageName(locale: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

/** ["questions", 0, "options", 1] → "Question 1 · option 2"; ["thankYou"] → "Thank you". */
export function fieldLabel(path: Path): string {
  const parts: string[] = [];
  path.forEach((key, i) => {
    if (typeof key === "number") return;
    const words = key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
    const index = path[i + 1];
    parts.push(typeof index === "number" ? `${words.replace(/s$/, "")} ${index + 1}` : words);
  });
  const label = parts.join(" · ");
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** A copy of `obj` with `value` at `path`, creating objects and arrays on the way. */
function setAt(obj: unknown, path: Path, value: string): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  if (typeof key === "number") {
    const arr = Array.isArray(obj) ? [...obj] : [];
    while (arr.length < key) arr.push(typeof rest[0] === "undefined" ? "" : {});
    arr[key] = setAt(arr[key], rest, value);
    return arr;
  }
  const base = typeof obj === "object" && obj !== null && !Array.isArray(obj) ? (obj as Record<string, unknown>) : {};
  return { ...base, [key]: setAt(base[key], rest, value) };
}

const isLong = (f: TTextField) => f.value.length > 80 || f.value.includes("\n") || /body|description/i.test(String(f.path[f.path.length - 1]));

/**
 * Translations side by side with the default text: one column per added locale, one row per text
 * field of the content (found by walking it, so every experience type is covered). Empty = default.
 */
export function TranslationsPanel({
  content,
  translations,
  defaultLocale,
  onChange,
  err,
}: {
  content: Record<string, unknown>;
  translations: Translations;
  defaultLocale: string;
  onChange: (next: Translations) => void;
  err: (path: string) => string | undefined;
}) {
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState<string>();
  const locales = Object.keys(translations);
  const fields = textFields(content).filter((f) => f.value.trim() !== "");

  function add() {
    const locale = code.trim();
    const parsed = ZLocale.safeParse(locale);
    if (!parsed.success) return setCodeError("Use a locale code like fr or pt-BR.");
    if (locale === defaultLocale) return setCodeError(`${locale} is the workspace's default language: the content itself is in it.`);
    if (locales.includes(locale)) return setCodeError(`There is already a ${locale} translation.`);
    if (locales.length >= MAX_TRANSLATIONS) return setCodeError(`At most ${MAX_TRANSLATIONS} translations.`);
    setCodeError(undefined);
    setCode("");
    onChange({ ...translations, [locale]: {} });
  }

  function remove(locale: string) {
    const next = { ...translations };
    delete next[locale];
    onChange(next);
  }

  return (
    <section aria-labelledby="translations-heading" className="space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <div>
        <h2 id="translations-heading" className="text-base font-semibold">Translations</h2>
        <p className="text-sm text-slate-600">
          End users get the language their app passes to herald.init (or their browser&apos;s); text left empty, and languages without a translation, show the default ({languageName(defaultLocale)}). The language is never stored.
        </p>
      </div>
      <div className="flex flex-wrap items-start gap-2">
        <div className="w-48">
          <TextInput id="translation-locale" label="Language code" placeholder="fr" value={code} error={codeError ?? err("translations")} maxLength={5}
            onChange={(e) => setCode(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }} />
        </div>
        <Button type="button" variant="secondary" className="mt-6" onClick={add}>Add translation</Button>
      </div>
      {locales.map((locale) => (
        <div key={locale} role="group" aria-labelledby={`translation-${locale}-heading`} className="space-y-3 rounded-md bg-slate-50 p-4" data-testid={`translation-${locale}`}>
          <div className="flex items-center justify-between gap-2">
            <h3 id={`translation-${locale}-heading`} className="text-sm font-semibold text-slate-800">{languageName(locale)} ({locale})</h3>
            <Button type="button" variant="ghost" onClick={() => remove(locale)} aria-label={`Remove the ${languageName(locale)} translation`}>Remove</Button>
          </div>
          {err(`translations.${locale}`) ? <p className="text-sm text-red-600">{err(`translations.${locale}`)}</p> : null}
          {fields.length === 0 ? <p className="text-sm text-slate-600">Write the default text first; its fields appear here.</p> : null}
          <div className="hidden gap-4 text-xs font-medium uppercase tracking-wide text-slate-500 sm:grid sm:grid-cols-2">
            <span>Default ({defaultLocale})</span>
            <span>{languageName(locale)}</span>
          </div>
          {fields.map((f) => {
            const key = f.path.join(".");
            const id = `translation-${locale}-${f.path.join("-")}`;
            const value = valueAt(translations[locale], f.path);
            const props = {
              id,
              label: `${fieldLabel(f.path)} (${locale})`,
              value: typeof value === "string" ? value : "",
              placeholder: f.value.slice(0, 100),
              error: err(`translations.${locale}.${key}`),
              onChange: (e: { target: { value: string } }) => onChange({ ...translations, [locale]: setAt(translations[locale], f.path, e.target.value) as Record<string, unknown> }),
            };
            return (
              <div key={key} className="grid gap-2 sm:grid-cols-2 sm:gap-4">
                <div className="space-y-1">
                  <p className="text-sm font-medium text-slate-700" aria-hidden="true">{fieldLabel(f.path)}</p>
                  <p className="whitespace-pre-wrap break-words rounded-md bg-white p-2 text-sm text-slate-800 ring-1 ring-slate-200">{f.value}</p>
                </div>
                {isLong(f) ? <TextArea rows={3} {...props} /> : <TextInput {...props} />}
              </div>
            );
          })}
        </div>
      ))}
    </section>
  );
}
