// Starts the built app for end-to-end tests on E2E_DATABASE_URL, with the local stand-ins configured.
import { spawn } from "node:child_process";
import { E2E } from "../e2e/support/ports";
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
};

const server = spawn("npx", ["next", "start", "-p", String(E2E.appPort)], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
