// Starts the built app for end-to-end tests on E2E_DATABASE_URL, with the local stand-ins configured.
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { E2E } from "../e2e/support/ports";
import { stripeServerEnv } from "../e2e/stand-ins/stripe-env";
import { testEnv } from "../test/test-env";

const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...testEnv,
  NODE_ENV: "production",
  APP_URL: E2E.appUrl,
  AUTH_URL: E2E.appUrl,
  AUTH_TRUST_HOST: "true",
  DATABASE_URL: process.env.E2E_DATABASE_URL,
  SMTP_URL: `smtp://127.0.0.1:${E2E.smtpPort}`,
  NEXT_TELEMETRY_DISABLED: "1",
  ...stripeServerEnv(),
};

// The server's output also goes to E2E.serverLog, which tests search for data that must never be logged.
const log = createWriteStream(E2E.serverLog, { flags: "w" });
const server = spawn("npx", ["next", "start", "-H", "localhost", "-p", String(E2E.appPort)], { stdio: ["ignore", "pipe", "pipe"], env });
server.stdout.on("data", (chunk) => (process.stdout.write(chunk), log.write(chunk)));
server.stderr.on("data", (chunk) => (process.stderr.write(chunk), log.write(chunk)));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
