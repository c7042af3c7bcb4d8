import { tmpdir } from "node:os";
import path from "node:path";

// Every end-to-end server listens on loopback only; Auth.js redirects use localhost (ENVIRONMENT.md).
// E2E_PORT_BASE lets several checkouts run their suites side by side.
const base = Number(process.env.E2E_PORT_BASE ?? 3100);

export const E2E = {
  appUrl: `http://localhost:${base}`,
  appPort: base,
  hostUrl: `http://127.0.0.1:${base + 1}`,
  hostPort: base + 1,
  smtpPort: base + 2,
  mailboxUrl: `http://127.0.0.1:${base + 3}`,
  mailboxPort: base + 3,
  stripePort: base + 4,
  stripeUrl: `http://127.0.0.1:${base + 4}`,
  /** A second Herald instance on the same database (multi-instance tests start it themselves). */
  secondAppPort: base + 5,
  serverLog: path.join(tmpdir(), `herald-e2e-server-${base}.log`),
} as const;
