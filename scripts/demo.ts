// `npm run demo`: embedded database (unless DATABASE_URL is set), migrations, idempotent demo data,
// a production build if there is none yet, then the server. Prints where to go and how to sign in.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { loadDevSecrets } from "./lib/dev-secrets";

async function main() {
  loadDevSecrets();
  const port = process.env.PORT ?? "3000";
  process.env.APP_URL ??= `http://localhost:${port}`;
  process.env.AUTH_TRUST_HOST ??= "true";

  const { closeDatabase, databaseKind, runMigrations } = await import("../db");
  const { DEMO, seedDemo } = await import("../lib/demo/seed");

  console.log(`Database: ${process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite in .data/pglite"}`);
  await runMigrations();
  const ctx = await seedDemo();
  const kind = databaseKind();
  await closeDatabase(); // PGlite allows one process at a time: the server opens it next.

  if (!existsSync(".next/BUILD_ID") || process.argv.includes("--rebuild")) {
    console.log("Building Herald (first run only, about a minute)…");
    const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: process.env });
    if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn("npx", ["next", "start", "-p", port], { stdio: ["ignore", "pipe", "inherit"], env: process.env });
// A sample customer app on another origin, with the demo workspace's snippet: what end users see.
const hostPort = String(Number(port) + 1);
const hostUrl = `http://127.0.0.1:${hostPort}`;
const host = spawn("npx", ["tsx", "e2e/host/server.ts"], { stdio: "inherit", env: { ...process.env, HOST_PORT: hostPort, HOST_KEY: ctx.publicKey, HOST_APP: process.env.APP_URL } });
server.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (chunk.toString().includes("Ready")) {
    console.log(`
  Herald is running (${kind === "pg" ? "PostgreSQL" : "embedded database"}).
  Open        ${process.env.APP_URL}/sign-in
  Email       ${DEMO.email}
  Password    ${DEMO.password}
  SDK key     ${ctx.publicKey}
  Changelog   ${process.env.APP_URL}/changelog/${DEMO.workspaceSlug}
  Your app    ${hostUrl}/   (a sample customer page with the SDK installed; try "Set plan: paying")
`);
  }
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => (server.kill(signal), host.kill(signal)));
server.on("exit", (code) => (host.kill("SIGTERM"), process.exit(code ?? 0)));
}

void main();
