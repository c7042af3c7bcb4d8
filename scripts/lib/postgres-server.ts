// Finds a PostgreSQL server for the tests: DATABASE_URL, else the machine's own at 127.0.0.1:5432,
// else a throwaway one started with initdb/pg_ctl in a temp folder (as user postgres when root).
// startThrowawayPostgres() always starts one of its own, which the fault bench stops and starts again.
import pg from "pg";
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, chmodSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

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

/** A server this process started and owns: it can be stopped and started again on the same data. */
export type ThrowawayPostgres = PostgresServer & {
  port: number;
  /** `pg_ctl stop -m fast`, keeping the data (open connections are terminated). Async: never blocks the event loop. */
  shutDown: () => Promise<void>;
  /** Starts it again; resolves once it accepts connections. */
  start: () => Promise<void>;
};

/** Runs a PostgreSQL binary, as user postgres when root (initdb refuses root). */
function command(bin: string, cmd: string, args: string[]): [string, string[]] {
  const full = path.join(bin, cmd);
  if (process.getuid?.() !== 0) return [full, args];
  return ["su", ["postgres", "-s", "/bin/sh", "-c", [full, ...args].map((a) => `'${a}'`).join(" ")]];
}

/**
 * initdb + pg_ctl start in a new temp folder, on `port` (loopback only, fsync off). `stop()` stops it
 * and removes the folder. Undefined when no PostgreSQL binaries are installed.
 */
export function startThrowawayPostgres(port = 54329): ThrowawayPostgres | undefined {
  const bin = postgresBin();
  if (!bin) return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), "herald-pg-"));
  chmodSync(dir, 0o777);
  const data = `${dir}/data`;
  const startArgs = ["-D", data, "-l", `${dir}/server.log`, "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "-w", "start"];
  const stopArgs = ["-D", data, "-m", "fast", "stop"];
  const run = (cmd: string, args: string[]) => execFileSync(...command(bin, cmd, args), { stdio: "ignore" });
  const runAsync = async (cmd: string, args: string[]) => {
    await promisify(execFile)(...command(bin, cmd, args));
  };
  try {
    run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync"]);
    run("pg_ctl", startArgs);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    shutDown: () => runAsync("pg_ctl", stopArgs),
    start: () => runAsync("pg_ctl", startArgs),
    stop: () => {
      spawnSync(...command(bin, "pg_ctl", stopArgs), { stdio: "ignore" });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function findOrStartPostgres(): Promise<PostgresServer | undefined> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => {} };
  const local = "postgres://postgres@127.0.0.1:5432/postgres";
  if (await answers(local)) return { url: local, stop: () => {} };
  return startThrowawayPostgres();
}
