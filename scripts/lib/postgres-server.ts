// Finds a PostgreSQL server for the tests: DATABASE_URL, else the machine's own at 127.0.0.1:5432,
// else a throwaway one started with initdb/pg_ctl in a temp folder (as user postgres when root).
import pg from "pg";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function postgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => path.join(root, v, "bin")).find((d) => existsSync(path.join(d, "initdb")));
}

export type PostgresServer = { url: string; stop: () => void };

export async function findOrStartPostgres(): Promise<PostgresServer | undefined> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => {} };
  const local = "postgres://postgres@127.0.0.1:5432/postgres";
  if (await answers(local)) return { url: local, stop: () => {} };
  const bin = postgresBin();
  if (!bin) return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), "herald-pg-"));
  chmodSync(dir, 0o777);
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = path.join(bin, cmd);
    if (asRoot) execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", [full, ...args].map((a) => `'${a}'`).join(" ")], { stdio: "ignore" });
    else execFileSync(full, args, { stdio: "ignore" });
  };
  const port = "54329";
  run("initdb", ["-D", `${dir}/data`, "-U", "postgres", "-A", "trust", "--no-sync"]);
  run("pg_ctl", ["-D", `${dir}/data`, "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "-w", "start"]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    stop: () => {
      if (asRoot) spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", `${bin}/pg_ctl -D ${dir}/data -m fast stop`], { stdio: "ignore" });
      else spawnSync(path.join(bin, "pg_ctl"), ["-D", `${dir}/data`, "-m", "fast", "stop"], { stdio: "ignore" });
    },
  };
}
