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

export function freePort(): Promise<number> {
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

export type TNextInstance = {
  base: string;
  port: number;
  /** SIGTERM, as an orchestrator stops an instance (SIGKILL after `graceMs`); resolves with the exit code, null if killed. */
  terminate: (graceMs?: number) => Promise<number | null>;
};

/**
 * Starts the production server on the database (on `port`, else a free one), stopped when the bench
 * ends, and waits until /api/health answers (or `deadline`). Node runs next directly (no npx in
 * between), so that a signal reaches the server itself.
 */
export async function startNextServerInstance(defer: Defer, databaseUrl: string, deadline: number, extraEnv: Record<string, string> = {}, port?: number): Promise<TNextInstance> {
  port ??= await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, ...testEnv, NODE_ENV: "production", DATABASE_URL: databaseUrl, APP_URL: base, NEXT_TELEMETRY_DISABLED: "1", ...extraEnv } as NodeJS.ProcessEnv;
  const app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  const exited = new Promise<number | null>((resolve) => app.on("exit", (code) => resolve(code)));
  defer(() => {
    try {
      if (app.pid) process.kill(-app.pid, "SIGTERM"); // next and anything it started
    } catch {
      // already gone
    }
  });
  await waitFor(`${base}/api/health`, deadline);
  return {
    base,
    port,
    terminate: async (graceMs = 30_000) => {
      if (app.exitCode !== null || app.signalCode !== null) return app.exitCode;
      app.kill("SIGTERM");
      const kill = setTimeout(() => app.kill("SIGKILL"), graceMs);
      const code = await exited;
      clearTimeout(kill);
      return code;
    },
  };
}

/** startNextServerInstance, for benches that only need the base URL. */
export async function startNextServer(defer: Defer, databaseUrl: string, deadline: number, extraEnv: Record<string, string> = {}): Promise<string> {
  return (await startNextServerInstance(defer, databaseUrl, deadline, extraEnv)).base;
}
