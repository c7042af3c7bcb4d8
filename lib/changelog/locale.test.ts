import { describe, expect, it } from "vitest";
import { localize, parseAcceptLanguage, pickLocale } from "./locale";

describe("locale choice", () => {
  it("orders Accept-Language by quality", () => {
    expect(parseAcceptLanguage("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5")).toEqual(["fr-CH", "fr", "en", "de"]);
    expect(parseAcceptLanguage("de;q=0.1, es")).toEqual(["es", "de"]);
    expect(parseAcceptLanguage("")).toEqual([]);
  });

  it("prefers ?lang over Accept-Language, matches by language, falls back to the default", () => {
    const available = ["fr", "pt-BR"];
    expect(pickLocale(available, { lang: "pt-br", acceptLanguage: "fr" })).toBe("pt-BR");
    expect(pickLocale(available, { acceptLanguage: "fr-CA,en;q=0.5" })).toBe("fr");
    expect(pickLocale(available, { acceptLanguage: "pt" })).toBe("pt-BR");
    expect(pickLocale(available, { acceptLanguage: "de, fr;q=0.5" })).toBe("fr");
    expect(pickLocale(available, { acceptLanguage: "en-US, fr;q=0.5", defaultLocale: "en" })).toBeUndefined();
    expect(pickLocale(available, { lang: "ja" })).toBeUndefined();
  });

  it("uses translated fields and falls back to the default text per field", () => {
    const post = { title: "Hello", body: "Body", translations: { fr: { title: "Bonjour" } } };
    expect(localize(post, "fr")).toEqual({ title: "Bonjour", body: "Body", locale: "fr" });
    expect(localize(post, "de")).toEqual({ title: "Hello", body: "Body" });
    expect(localize(post, undefined)).toEqual({ title: "Hello", body: "Body" });
  });
});
