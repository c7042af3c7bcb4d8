// Creates and drops throwaway databases on a PostgreSQL server (tests, e2e runs, restore checks).
import pg from "pg";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database named `<prefix>_<random>`; migrates it unless told not to. */
export async function createScratchDatabase(serverUrl: string, prefix: string, opts = { migrate: true }): Promise<string> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(serverUrl, name);
  if (opts.migrate) {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    await migrate(drizzle({ client: pool }), { migrationsFolder: path.resolve("db/migrations") });
    await pool.end();
  }
  return url;
}

export async function dropScratchDatabase(serverUrl: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
