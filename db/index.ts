// One database handle for the whole app: PostgreSQL through `pg` when DATABASE_URL is set,
// otherwise embedded PGlite on disk (PGLITE_DIR, default .data/pglite) so the demo needs nothing installed.
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { readFileSync } from "node:fs";
import path from "node:path";
import * as schema from "./schema";

/** Both drivers share PostgreSQL's query builder, so lib/ code is written once for either. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A query runner: the database or a transaction inside it. */
export type Executor = Database | Tx;

type Handle = { db: Database; kind: "pg" | "pglite"; pool?: pg.Pool; pglite?: PGlite };

const migrationsFolder = path.join(process.cwd(), "db/migrations");

// Kept on globalThis so that Next's dev reloads and test workers reuse one pool.
const globalForDb = globalThis as unknown as { heraldDb?: Handle };

/**
 * libpq's sslmode semantics, applied here: "require"/"prefer" encrypt without verifying the server,
 * "verify-ca" checks the chain, "verify-full" also the host name. The ssl* parameters are taken out
 * of the URL because pg would otherwise re-parse them and override this (treating all as verify-full).
 */
export function tlsConfig(url: string): Pick<pg.PoolConfig, "connectionString" | "ssl"> {
  const u = new URL(url);
  const mode = u.searchParams.get("sslmode");
  const file = (name: string) => {
    const p = u.searchParams.get(name);
    return p ? readFileSync(p, "utf8") : undefined;
  };
  const [ca, cert, key] = [file("sslrootcert"), file("sslcert"), file("sslkey")];
  for (const name of ["sslmode", "sslrootcert", "sslcert", "sslkey", "uselibpqcompat"]) u.searchParams.delete(name);
  const files = { ...(ca && { ca }), ...(cert && { cert }), ...(key && { key }) };
  let ssl: pg.PoolConfig["ssl"];
  if (mode === "verify-full") ssl = { rejectUnauthorized: true, ...files };
  else if (mode === "verify-ca") ssl = { rejectUnauthorized: true, checkServerIdentity: () => undefined, ...files };
  else if (mode === "require" || mode === "prefer") ssl = { rejectUnauthorized: false, ...files };
  return { connectionString: u.toString(), ssl };
}

function poolConfig(url: string): pg.PoolConfig {
  const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return { ...tlsConfig(url), max, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 };
}

function open(): Handle {
  const url = process.env.DATABASE_URL;
  if (url) {
    const pool = new pg.Pool(poolConfig(url));
    // An idle client losing its server must not crash the process; the next query reconnects.
    pool.on("error", () => {});
    // Nor a checked-out one (a transaction when PostgreSQL restarts): pg emits "error" on it with no
    // listener, an uncaught exception. Its query still fails, and the pool drops it on release.
    pool.on("connect", (client) => client.on("error", () => {}));
    return { db: drizzlePg({ client: pool, schema }) as unknown as Database, kind: "pg", pool };
  }
  const dir = process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data/pglite");
  const pglite = dir === "memory://" ? new PGlite() : new PGlite(dir);
  return { db: drizzlePglite({ client: pglite, schema }) as unknown as Database, kind: "pglite", pglite };
}

function handle(): Handle {
  globalForDb.heraldDb ??= open();
  return globalForDb.heraldDb;
}

/** The real drizzle instance (for libraries that check its class, like the Auth.js adapter). */
export function getDb(): Database {
  return handle().db;
}

/** The drizzle database; opened on first use. */
export const db: Database = new Proxy({} as Database, {
  get(_target, prop) {
    const target = handle().db as unknown as Record<string | symbol, unknown>;
    const value = target[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  },
});

export function databaseKind(): "pg" | "pglite" {
  return handle().kind;
}

/** Replaces the handle (tests hand in a cloned PGlite). Closes nothing. */
export function replaceDatabase(pglite: PGlite): void {
  globalForDb.heraldDb = { db: drizzlePglite({ client: pglite, schema }) as unknown as Database, kind: "pglite", pglite };
}

export async function runMigrations(): Promise<void> {
  const h = handle();
  if (h.kind === "pg") await migratePg(h.db as never, { migrationsFolder });
  else await migratePglite(h.db as never, { migrationsFolder });
}

export async function closeDatabase(): Promise<void> {
  const h = globalForDb.heraldDb;
  globalForDb.heraldDb = undefined;
  if (h?.pool) await h.pool.end();
  if (h?.pglite) await h.pglite.close();
}

export { schema };
