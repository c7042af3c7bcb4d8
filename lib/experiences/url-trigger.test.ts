import { describe, expect, it } from "vitest";
import type { TTrigger } from "./content";
import { matchesTrigger } from "./url-trigger";

const on = (match: TTrigger["match"], url: string | undefined, page: string) => matchesTrigger({ match, url }, page);

describe("matchesTrigger: any", () => {
  it("matches every well-formed page, with or without a url", () => {
    expect(on("any", undefined, "https://app.example.com/")).toBe(true);
    expect(on("any", "/ignored", "https://app.example.com/settings?tab=2#x")).toBe(true);
  });
});

describe("matchesTrigger: malformed or missing input", () => {
  it("never matches a malformed page URL, whatever the trigger", () => {
    for (const page of ["", "not a url", "/relative/path", "https://"]) {
      for (const match of ["any", "exact", "prefix", "glob"] as const) expect(on(match, "/", page), `${match} ${page}`).toBe(false);
    }
  });

  it("never matches without a url, or with one that is neither a path nor http(s)", () => {
    for (const match of ["exact", "prefix", "glob"] as const) {
      for (const url of [undefined, "", "   ", "settings", "ftp://app.example.com/", "javascript:alert(1)", "https://"]) {
        expect(on(match, url, "https://app.example.com/settings"), `${match} ${String(url)}`).toBe(false);
      }
    }
  });
});

describe("matchesTrigger: exact", () => {
  const page = "https://app.example.com/settings/billing";
  it.each([
    ["/settings/billing", page, true],
    ["/settings/billing/", page, true], // trailing slash on the pattern
    ["/settings/billing", `${page}/`, true], // trailing slash on the page
    ["/settings/billing", `${page}#invoices`, true], // hash ignored
    ["/settings/billing#x", page, true],
    ["/settings/billing", `${page}?tab=2`, true], // no "?" in the pattern: query ignored
    ["/settings/billing?tab=2", `${page}?tab=2`, true],
    ["/settings/billing?tab=2", `${page}?tab=3`, false],
    ["/settings/billing?tab=2", page, false],
    ["/settings", page, false],
    ["/settings/billing/invoices", page, false],
    ["/Settings/Billing", page, false], // paths are case-sensitive
    ["/", "https://app.example.com", true],
    ["/", "https://app.example.com/x", false],
    ["/café", "https://app.example.com/caf%C3%A9", true], // encoding does not decide
    ["/caf%C3%A9", "https://app.example.com/café", true],
    ["/a/../settings/billing", page, true], // dot segments resolved
    ["//settings/billing", page, false], // a double slash stays part of the path
  ] as const)("%s on %s: %s", (pattern, url, expected) => {
    expect(on("exact", pattern, url)).toBe(expected);
  });

  it.each([
    ["https://app.example.com/settings/billing", "https://app.example.com/settings/billing/", true],
    ["HTTPS://App.Example.COM/settings/billing", "https://app.example.com/settings/billing", true], // scheme and host are case-insensitive
    ["https://app.example.com:443/settings/billing", "https://app.example.com/settings/billing", true], // default port
    ["https://app.example.com", "https://app.example.com/", true],
    ["http://app.example.com/settings/billing", "https://app.example.com/settings/billing", false], // another scheme
    ["https://staging.example.com/settings/billing", "https://app.example.com/settings/billing", false], // another host
    ["http://localhost:3000/x", "http://localhost:3000/x", true],
    ["http://localhost:3000/x", "http://localhost:4000/x", false], // another port
  ] as const)("absolute %s on %s: %s", (pattern, url, expected) => {
    expect(on("exact", pattern, url)).toBe(expected);
  });
});

describe("matchesTrigger: prefix (on a path-segment boundary)", () => {
  it.each([
    ["/docs", "https://example.com/docs", true],
    ["/docs", "https://example.com/docs/", true],
    ["/docs", "https://example.com/docs/intro/setup", true],
    ["/docs/", "https://example.com/docs", true],
    ["/docs", "https://example.com/docs?page=2#top", true],
    ["/docs", "https://example.com/docsearch", false], // not on a segment boundary
    ["/docs", "https://example.com/api/docs", false],
    ["/", "https://example.com/anything/at/all", true],
    ["/search?q=", "https://example.com/search?q=shoes", true], // with a query: a plain string prefix
    ["/search?q=", "https://example.com/search?page=2", false],
    ["https://example.com/docs", "https://example.com/docs/intro", true],
    ["https://example.com/docs", "https://example.com/docsearch", false],
    ["https://example.com", "https://example.com/any/page", true],
    ["https://example.com", "https://example.com.evil.test/any/page", false],
    ["https://example.com/docs", "https://other.test/docs/intro", false],
  ] as const)("%s on %s: %s", (pattern, url, expected) => {
    expect(on("prefix", pattern, url)).toBe(expected);
  });
});

describe("matchesTrigger: glob", () => {
  it.each([
    ["/projects/*/settings", "https://example.com/projects/42/settings", true],
    ["/projects/*/settings", "https://example.com/projects/42/settings/", true],
    ["/projects/*/settings", "https://example.com/projects/42/7/settings", false], // * stays in one segment
    ["/projects/*/settings", "https://example.com/projects//settings", true], // * may be empty
    ["/projects/*", "https://example.com/projects/42", true],
    ["/projects/*", "https://example.com/projects/42/settings", false],
    ["/projects/p-*", "https://example.com/projects/p-42", true],
    ["/projects/p-*", "https://example.com/projects/q-42", false],
    ["/docs/**", "https://example.com/docs/a/b/c", true],
    ["/docs/**", "https://example.com/docs", true], // "/**" may match nothing
    ["/docs/**", "https://example.com/docsearch", false],
    ["/**/faq", "https://example.com/help/billing/faq", true],
    ["/**/faq", "https://example.com/faq", true],
    ["/**/faq", "https://example.com/faqs", false],
    ["/a**z", "https://example.com/a/b/z", true], // ** without a slash crosses segments too
    ["/files/report.pdf", "https://example.com/files/reportXpdf", false], // "." is literal
    ["/p/(draft)+", "https://example.com/p/(draft)+", true], // regex characters are literal
    ["/p/[a]", "https://example.com/p/%5Ba%5D", true],
    ["/p/$1^", "https://example.com/p/$1^", true],
    ["/search?q=*", "https://example.com/search?q=shoes", true],
    ["/search?q=*", "https://example.com/search", false],
    ["/search", "https://example.com/search?q=shoes", true], // no "?" in the pattern: query ignored
    ["/projects/*/settings", "https://example.com/projects/42/settings#tab", true],
    ["https://*.example.com/**", "https://app.example.com/x/y", true],
    ["https://*.example.com/**", "https://example.com/x/y", false],
    ["https://*.example.com/**", "https://app.example.com.evil.test/x", false],
    ["https://example.com/projects/*", "https://example.com/projects/42", true],
    ["https://example.com/projects/*", "http://example.com/projects/42", false],
  ] as const)("%s on %s: %s", (pattern, url, expected) => {
    expect(on("glob", pattern, url)).toBe(expected);
  });
});

describe("matchesTrigger: one pattern, several uses", () => {
  it("gives the same answers however often and in whatever mode a pattern is asked about", () => {
    for (let i = 0; i < 3; i++) {
      expect(on("glob", "/projects/*", "https://example.com/projects/42")).toBe(true);
      expect(on("exact", "/projects/*", "https://example.com/projects/42")).toBe(false); // "*" is literal unless glob
      expect(on("exact", "/projects/*", "https://example.com/projects/*")).toBe(true);
      expect(on("prefix", "/projects/*", "https://example.com/projects/*/x")).toBe(true);
      expect(on("glob", "https://", "https://example.com/")).toBe(false);
    }
  });
});
