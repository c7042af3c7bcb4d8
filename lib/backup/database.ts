import "server-only";
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { Readable, type Writable } from "node:stream";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { tlsConfig } from "@/db";
import { BackupError } from "./errors";

/** What is backed up: a PostgreSQL database (by URL) or an open embedded PGlite. */
export type BackupSource = { kind: "pg"; url: string } | { kind: "pglite"; pglite: PGlite };
/** Where a restore goes: an empty PostgreSQL database, or an empty/new PGlite data directory. */
export type RestoreTarget = { kind: "pg"; url: string } | { kind: "pglite"; dir: string };

// pg_dump must be at least the server's major version: prefer HERALD_PG_BIN, then the newest
// Debian-installed PostgreSQL, then PATH.
function pgBinary(name: "pg_dump" | "psql"): string {
  const fromEnv = process.env.HERALD_PG_BIN;
  if (fromEnv) return path.join(fromEnv, name);
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    const dir = versions.map((v) => path.join(root, v, "bin")).find((d) => existsSync(path.join(d, name)));
    if (dir) return path.join(dir, name);
  }
  return name;
}

// Connection settings go through libpq's environment, never argv, so the password is not visible in `ps`.
function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env, PGHOST: u.hostname, PGPORT: u.port || "5432", PGDATABASE: decodeURIComponent(u.pathname.slice(1)) };
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

type Running = { stream: Readable | Writable; done: Promise<void> };

function run(cmd: string, args: string[], url: string, io: "read" | "write"): Running {
  const child = spawn(pgBinary(cmd as "pg_dump" | "psql"), args, { env: libpqEnv(url), stdio: io === "read" ? ["ignore", "pipe", "pipe"] : ["pipe", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const done = new Promise<void>((resolve, reject) => {
    child.on("error", (err) => reject(new BackupError(`Could not run ${cmd}: ${err.message}. Install the PostgreSQL client or set HERALD_PG_BIN.`)));
    child.on("close", (code) => (code === 0 ? resolve() : reject(new BackupError(`${cmd} failed (exit ${code}): ${stderr.trim()}`))));
  });
  return { stream: io === "read" ? child.stdout! : child.stdin!, done };
}

/** A plain SQL dump; pg_dump takes one snapshot, so the dump is consistent while the app keeps writing. */
export function dumpPostgres(url: string): { stream: Readable; done: Promise<void> } {
  const r = run("pg_dump", ["--no-owner", "--no-privileges", "--quote-all-identifiers"], url, "read");
  return { stream: r.stream as Readable, done: r.done };
}

/** PGlite's own data-directory dump (a tar); PGlite builds it in memory, so it is handed on as one stream. */
export async function dumpPglite(pglite: PGlite): Promise<Readable> {
  await pglite.waitReady;
  const file = await pglite.dumpDataDir("none");
  return Readable.fromWeb(file.stream() as never);
}

/** Refuses to restore over existing data: the target must be empty. */
export async function assertEmptyTarget(target: RestoreTarget): Promise<void> {
  if (target.kind === "pglite") {
    if (existsSync(target.dir) && readdirSync(target.dir).length > 0) {
      throw new BackupError(`Restore target ${target.dir} is not empty: restore into a new, empty PGLITE_DIR.`);
    }
    return;
  }
  const client = new pg.Client(tlsConfig(target.url));
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "select count(*) as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')");
    if (Number(rows[0].n) > 0) throw new BackupError("Restore target database is not empty: create a new, empty database and restore into it.");
  } finally {
    await client.end();
  }
}

/** A writable that loads a plain SQL dump with psql in one transaction: all of it or nothing. */
export function restorePostgres(url: string): { stream: Writable; done: Promise<void> } {
  const r = run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction"], url, "write");
  return { stream: r.stream as Writable, done: r.done };
}

/** Opens a new PGlite data directory from a dumped data dir (the tar PGlite wrote). */
export async function restorePglite(dir: string, tar: Buffer): Promise<void> {
  const pglite = new PGlite(dir, { loadDataDir: new Blob([new Uint8Array(tar)]) });
  await pglite.waitReady;
  await pglite.close();
}
