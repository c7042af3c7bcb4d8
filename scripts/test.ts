// `npm test`: unit + integration tests on PostgreSQL, the database tests again on embedded PGlite,
// then a production build and the Playwright end-to-end suite against a fresh PostgreSQL database.
//   npm test -- --unit   only Vitest (both databases)     npm test -- --e2e   only Playwright
//   extra arguments after -- are passed to Playwright (e.g. e2e/auth.spec.ts)
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { findOrStartPostgres } from "./lib/postgres-server";
import { createScratchDatabase, dropScratchDatabase } from "./lib/scratch-database";

const args = process.argv.slice(2);
const onlyUnit = args.includes("--unit");
const onlyE2e = args.includes("--e2e");
const passThrough = args.filter((a) => !a.startsWith("--unit") && !a.startsWith("--e2e"));

function run(cmd: string, cmdArgs: string[], env: NodeJS.ProcessEnv): number {
  console.log(`\n▶ ${cmd} ${cmdArgs.join(" ")}`);
  return spawnSync(cmd, cmdArgs, { stdio: "inherit", env }).status ?? 1;
}

async function main(): Promise<number> {
  const server = await findOrStartPostgres();
  try {
    if (!onlyE2e) {
      if (server) {
        if (run("npx", ["vitest", "run"], { ...process.env, DATABASE_URL: server.url }) !== 0) return 1;
      } else {
        console.warn("No PostgreSQL server found or startable: integration tests run on PGlite only.");
      }
      const pgliteEnv = { ...process.env };
      delete pgliteEnv.DATABASE_URL;
      if (run("npx", ["vitest", "run"], pgliteEnv) !== 0) return 1;
    }
    if (onlyUnit) return 0;
    if (!server) {
      console.error("End-to-end tests need PostgreSQL (they inspect the database the app writes). Install postgresql or set DATABASE_URL.");
      return 1;
    }
    if (!process.env.SKIP_BUILD || !existsSync(".next/BUILD_ID")) {
      if (run("npm", ["run", "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }) !== 0) return 1;
    }
    const e2eUrl = await createScratchDatabase(server.url, "herald_e2e", { migrate: false });
    try {
      return run("npx", ["playwright", "test", ...passThrough], { ...process.env, E2E_DATABASE_URL: e2eUrl, E2E_SERVER_URL: server.url });
    } finally {
      await dropScratchDatabase(server.url, e2eUrl);
    }
  } finally {
    server?.stop();
  }
}

main().then((code) => process.exit(code));
