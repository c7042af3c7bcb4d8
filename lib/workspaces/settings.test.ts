import { describe, expect, it } from "vitest";
import { readSettings } from "./settings";

describe("workspace settings", () => {
  it("fills defaults for an empty object", () => {
    const s = readSettings({});
    expect(s.theme.primaryColor).toBe("#4f46e5");
    expect(s.limits).toEqual({ maxPerSession: 3, maxPerDay: 5 });
    expect(s.portal.categories).toEqual(["New", "Improved", "Fixed"]);
  });
  it("keeps valid values and falls back on malformed ones", () => {
    expect(readSettings({ limits: { maxPerSession: 7 } }).limits.maxPerSession).toBe(7);
    expect(readSettings({ theme: { primaryColor: "red" } }).theme.primaryColor).toBe("#4f46e5");
  });
});
