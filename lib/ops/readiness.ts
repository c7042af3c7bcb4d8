import "server-only";
// GET /api/ready: this instance can serve, meaning the database answers and every committed
// migration has been applied (drizzle records them in drizzle.__drizzle_migrations).
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { db } from "@/db";

export type TReadiness = { ready: true; migrations: number } | { ready: false; reason: string };

const JOURNAL = path.join(process.cwd(), "db/migrations/meta/_journal.json");

function expectedMigration(journalFile: string): { count: number; last: number } {
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: Array<{ when: number }> };
  return { count: journal.entries.length, last: Math.max(...journal.entries.map((e) => e.when)) };
}

export async function readiness(journalFile = JOURNAL): Promise<TReadiness> {
  const expected = expectedMigration(journalFile);
  let applied: number;
  try {
    const { rows } = (await db.execute(sql`select coalesce(max(created_at), 0)::text as last from drizzle.__drizzle_migrations`)) as unknown as { rows: Array<{ last: string }> };
    applied = Number(rows[0]?.last ?? 0);
  } catch {
    return { ready: false, reason: "The database does not answer." };
  }
  if (applied < expected.last) return { ready: false, reason: "Migrations are not applied yet." };
  return { ready: true, migrations: expected.count };
}
