import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { GET } from "./route";

describe("GET /api/ready", () => {
  it("answers 200 with the migration count on a migrated database", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const journal = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] };
    expect(await res.json()).toEqual({ status: "ready", migrations: journal.entries.length });
  });
});
