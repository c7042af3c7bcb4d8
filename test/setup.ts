import { afterAll, inject } from "vitest";
import { readFileSync } from "node:fs";
import { testEnv } from "./test-env";

for (const [k, v] of Object.entries(testEnv)) process.env[k] ??= v;

const databaseUrl = inject("databaseUrl");
const pgliteDump = inject("pgliteDump");

if (databaseUrl) {
  process.env.DATABASE_URL = databaseUrl;
} else {
  delete process.env.DATABASE_URL;
  const { PGlite } = await import("@electric-sql/pglite");
  const { replaceDatabase } = await import("@/db");
  const pglite = new PGlite({ loadDataDir: new Blob([readFileSync(pgliteDump)]) });
  replaceDatabase(pglite);
}

afterAll(async () => {
  const { closeDatabase } = await import("@/db");
  await closeDatabase();
});
