// `next start` of the built app on a free loopback port, for the benches that measure it over HTTP.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { testEnv } from "../../test/test-env";
import type { Defer } from "./run-bench";

/** Fails early, before any seeding, when there is nothing to start. */
export function requireBuild(): void {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitFor(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer in time`);
}

/**
 * Starts the production server on the database, stopped when the bench ends, and waits until
 * /api/health answers (or `deadline`). Returns its base URL.
 */
export async function startNextServer(defer: Defer, databaseUrl: string, deadline: number, extraEnv: Record<string, string> = {}): Promise<string> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, ...testEnv, NODE_ENV: "production", DATABASE_URL: databaseUrl, APP_URL: base, NEXT_TELEMETRY_DISABLED: "1", ...extraEnv } as NodeJS.ProcessEnv;
  const app = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  defer(() => {
    try {
      if (app.pid) process.kill(-app.pid, "SIGTERM"); // the npx → next process group started here
    } catch {
      // already gone
    }
  });
  await waitFor(`${base}/api/health`, deadline);
  return base;
}
