// For `npm run demo` on a fresh machine: random secrets, created once in .data/ (git-ignored) and
// reused, so that sessions and encrypted data survive restarts. Production sets them explicitly.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

const file = path.join(process.cwd(), ".data/secrets.json");

export function loadDevSecrets(): void {
  let secrets: Record<string, string>;
  if (existsSync(file)) {
    secrets = JSON.parse(readFileSync(file, "utf8"));
  } else {
    secrets = {
      AUTH_SECRET: randomBytes(32).toString("base64"),
      HERALD_DATA_KEY: randomBytes(32).toString("base64"),
      HERALD_BACKUP_KEY: randomBytes(32).toString("base64"),
    };
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  for (const [k, v] of Object.entries(secrets)) process.env[k] ??= v;
}
