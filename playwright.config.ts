import { defineConfig } from "@playwright/test";
import { existsSync } from "node:fs";
import { E2E } from "./e2e/support/ports";

// Browsers cannot be downloaded here: Debian's Chromium (or CHROMIUM_PATH) is used.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(executablePath)) {
  throw new Error(`No Chromium at ${executablePath}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
}
if (!process.env.E2E_DATABASE_URL) {
  throw new Error("E2E_DATABASE_URL is not set: run end-to-end tests with `npm run test:e2e` (it prepares the database).");
}

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: E2E.appUrl,
    launchOptions: { executablePath, args: ["--disable-gpu", "--disable-quic", "--disable-component-update", "--disable-sync"] },
    trace: "retain-on-failure",
  },
  webServer: [
    {
      command: "tsx e2e/stand-ins/smtp-server.ts",
      url: `${E2E.mailboxUrl}/health`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      command: "tsx e2e/stand-ins/stripe-api-server.ts",
      url: `${E2E.stripeUrl}/health`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      // A customer's page embedding the SDK, on another origin than Herald (e2e/host/).
      command: "tsx e2e/host/server.ts",
      url: `${E2E.hostUrl}/health`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      command: "tsx --conditions=react-server scripts/e2e-server.ts",
      url: `${E2E.appUrl}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
    },
  ],
});
