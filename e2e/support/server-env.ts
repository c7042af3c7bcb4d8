import { stripeServerEnv } from "../stand-ins/stripe-env";
import { testEnv } from "../../test/test-env";
import { E2E } from "./ports";

/** The environment of a Herald instance under test: the e2e database and the local stand-ins. */
export function serverEnv(): NodeJS.ProcessEnv {
  return {
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
}
