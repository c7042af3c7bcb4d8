import { afterEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { watchShutdown } from "@/lib/http/shutdown";
import { GET } from "./route";

describe("GET /api/ready", () => {
  it("answers 200 with the migration count on a migrated database", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const journal = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] };
    expect(await res.json()).toEqual({ status: "ready", migrations: journal.entries.length });
  });

  describe("once the instance is stopping", () => {
    const nextListener = () => {}; // `next start`'s own SIGTERM listener
    let unwatch = () => {};
    afterEach(() => {
      unwatch();
      process.off("SIGTERM", nextListener);
    });

    it("answers 503 with Retry-After and closes the connection, so that the load balancer moves on", async () => {
      process.on("SIGTERM", nextListener);
      unwatch = watchShutdown();
      process.emit("SIGTERM", "SIGTERM");
      const res = await GET();
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("2");
      expect(res.headers.get("connection")).toBe("close");
      expect(await res.json()).toEqual({ status: "unavailable", reason: "Shutting down." });
    });
  });
});
