import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { databaseKind, db } from "./index";
import { isDatabaseUnavailable } from "@/lib/http/database-unavailable";

// PostgreSQL restarting under load: a connection dies while a request holds it (inside a transaction).
describe.runIf(process.env.DATABASE_URL)("a connection lost while checked out of the pool", () => {
  it("fails that transaction as 'database unavailable', throws nothing uncaught, and the pool serves the next query", async () => {
    expect(databaseKind()).toBe("pg");
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", record);
    try {
      const failure = await db
        .transaction(async (tx) => {
          await tx.execute(sql`select 1`);
          await tx.execute(sql`select pg_terminate_backend(pg_backend_pid())`); // as `pg_ctl stop -m fast` does
        })
        .then(() => undefined, (error: unknown) => error);
      expect(isDatabaseUnavailable(failure)).toBe(true);
      await new Promise((r) => setTimeout(r, 200)); // the socket's end arrives after the query's error
      expect(uncaught).toEqual([]);
      const { rows } = (await db.execute(sql`select 1 as ok`)) as unknown as { rows: { ok: number }[] };
      expect(rows).toEqual([{ ok: 1 }]);
    } finally {
      process.off("uncaughtException", record);
    }
  });
});
