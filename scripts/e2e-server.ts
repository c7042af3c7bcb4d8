// Starts the built app for end-to-end tests on E2E_DATABASE_URL, with the local stand-ins configured.
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { E2E } from "../e2e/support/ports";
import { serverEnv } from "../e2e/support/server-env";

// The server's output also goes to E2E.serverLog, which tests search for data that must never be logged.
const log = createWriteStream(E2E.serverLog, { flags: "w" });
const server = spawn("npx", ["next", "start", "-H", "localhost", "-p", String(E2E.appPort)], { stdio: ["ignore", "pipe", "pipe"], env: serverEnv() });
server.stdout.on("data", (chunk) => (process.stdout.write(chunk), log.write(chunk)));
server.stderr.on("data", (chunk) => (process.stderr.write(chunk), log.write(chunk)));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
