import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readiness } from "./readiness";

describe("readiness", () => {
  it("is ready once every committed migration is applied, and not while a newer one is pending", async () => {
    expect(await readiness()).toEqual({ ready: true, migrations: expect.any(Number) });
    const journal = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8"));
    journal.entries.push({ idx: journal.entries.length, version: "7", when: Date.now() + 1000, tag: "9999_pending", breakpoints: true });
    const file = path.join(mkdtempSync(path.join(tmpdir(), "herald-journal-")), "_journal.json");
    writeFileSync(file, JSON.stringify(journal));
    expect(await readiness(file)).toEqual({ ready: false, reason: "Migrations are not applied yet." });
  });
});
