import { describe, expect, it } from "vitest";
import { ZTypedContent } from "@/lib/experiences/content";
import { localizeContent, overlay } from "./localize-content";

const survey = ZTypedContent.parse({
  type: "survey",
  content: { title: "Quick question", questions: [{ id: "q1", type: "single_choice", prompt: "Pick one", options: ["Red", "Blue"] }, { id: "q2", type: "text", prompt: "Why?" }] },
});

describe("localizeContent", () => {
  it("lays a partial translation over the default text, item by item", () => {
    const fr = localizeContent(survey, { fr: { title: "Petite question", questions: [{ prompt: "Choisissez", options: ["Rouge"] }] } }, { locale: "fr-CA", defaultLocale: "en" });
    expect(fr.content).toMatchObject({ title: "Petite question", questions: [{ id: "q1", prompt: "Choisissez", options: ["Rouge", "Blue"] }, { id: "q2", prompt: "Why?" }] });
  });

  it("falls back to the default for a missing locale, the default locale, or a translation that would break the content", () => {
    const translations = { fr: { title: "x".repeat(500) }, de: { title: "Kurze Frage" } };
    expect(localizeContent(survey, translations, { locale: "ja", defaultLocale: "en" })).toEqual(survey);
    expect(localizeContent(survey, translations, { locale: "fr", defaultLocale: "en" })).toEqual(survey);
    expect(localizeContent(survey, translations, { locale: "de", defaultLocale: "de" })).toEqual(survey);
    expect(localizeContent(survey, translations, { defaultLocale: "en" })).toEqual(survey);
    expect(localizeContent(survey, translations, { locale: "de", defaultLocale: "en" }).content).toMatchObject({ title: "Kurze Frage" });
  });

  it("ignores keys the content does not have and empty strings", () => {
    expect(overlay({ a: "one", b: "two" }, { a: "", c: "new", b: "deux" })).toEqual({ a: "one", b: "deux" });
    expect(overlay(["x", "y"], ["X"])).toEqual(["X", "y"]);
    expect(overlay(3, "three")).toBe(3);
    // A translation changes words, never where a button leads or what it does.
    expect(overlay({ label: "Go", action: "link", url: "https://a.example" }, { label: "Aller", action: "dismiss", url: "https://evil.example" })).toEqual({ label: "Aller", action: "link", url: "https://a.example" });
  });
});
