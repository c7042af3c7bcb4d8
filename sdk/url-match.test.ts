// The SDK's matcher must agree with the server's (lib/experiences/url-trigger.ts) on every pattern,
// page and mode: the dashboard shows one set of rules for triggers, URL tasks and URL goals.
import { describe, expect, it } from "vitest";
import { matchesTrigger } from "@/lib/experiences/url-trigger";
import { matchUrl } from "./url-match";

const PATTERNS = [
  "/", "/settings", "/settings/", "/settings/billing", "/settings/billing?tab=2", "/settings/billing#x", "/Settings", "/café", "/caf%C3%A9",
  "/a/../settings/billing", "//settings/billing", "/docs", "/docs/**", "/**/faq", "/a**z", "/projects/*/settings", "/projects/p-*", "/p/(draft)+",
  "/p/[a]", "/search?q=", "/search?q=*", "/files/report.pdf", "https://app.example.com/settings", "HTTPS://App.Example.COM/settings",
  "https://app.example.com:443/settings", "https://app.example.com", "http://app.example.com/settings", "https://*.example.com/**",
  "http://localhost:3000/x", "settings", "", "   ", "ftp://app.example.com/", "javascript:alert(1)", "https://",
];
const PAGES = [
  "https://app.example.com/", "https://app.example.com", "https://app.example.com/settings", "https://app.example.com/settings/",
  "https://app.example.com/settings/billing", "https://app.example.com/settings/billing?tab=2", "https://app.example.com/settings/billing?tab=3#invoices",
  "https://app.example.com/settingsx", "https://app.example.com/caf%C3%A9", "https://app.example.com/café", "https://app.example.com/docs",
  "https://app.example.com/docs/a/b", "https://app.example.com/docsearch", "https://app.example.com/help/faq", "https://app.example.com/faqs",
  "https://app.example.com/a/b/z", "https://app.example.com/projects/42/settings", "https://app.example.com/projects/4/2/settings",
  "https://app.example.com/projects/p-42", "https://app.example.com/p/(draft)+", "https://app.example.com/p/%5Ba%5D", "https://app.example.com/search?q=shoes",
  "https://app.example.com/search", "https://app.example.com/files/reportXpdf", "http://app.example.com/settings", "https://app.example.com.evil.test/settings",
  "https://example.com/x", "http://localhost:3000/x", "http://localhost:4000/x", "not a url", "/relative",
];

describe("matchUrl", () => {
  it("agrees with the server's trigger matcher on every pattern, page and mode", () => {
    let checked = 0;
    for (const match of ["exact", "prefix", "glob"] as const) {
      for (const url of PATTERNS) {
        for (const page of PAGES) {
          expect(matchUrl(match, url, page), `${match} ${url} on ${page}`).toBe(matchesTrigger({ match, url }, page));
          checked++;
        }
      }
    }
    expect(checked).toBe(3 * PATTERNS.length * PAGES.length);
  });

  it("matches what the server's tests say, for a few cases read aloud", () => {
    expect(matchUrl("prefix", "/docs", "https://example.com/docs/intro")).toBe(true);
    expect(matchUrl("prefix", "/docs", "https://example.com/docsearch")).toBe(false);
    expect(matchUrl("glob", "/docs/**", "https://example.com/docs")).toBe(true);
    expect(matchUrl("exact", "/settings", "https://example.com/settings/#x")).toBe(true);
    expect(matchUrl("any", "/settings", "https://example.com/")).toBe(false); // "any" is not a URL condition
  });
});
