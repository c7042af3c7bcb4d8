// One isolated, migrated database per test run: a fresh PostgreSQL database when DATABASE_URL is
// set, otherwise a migrated PGlite dumped once and loaded by every test file (ENVIRONMENT.md: cloning
// is ~2 s, migrating ~5 s).
import type { TestProject } from "vitest/node";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createScratchDatabase, dropScratchDatabase } from "../scripts/lib/scratch-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    pgliteDump: string;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const url = await createScratchDatabase(serverUrl, "herald_test");
    project.provide("databaseUrl", url);
    project.provide("pgliteDump", "");
    return async () => dropScratchDatabase(serverUrl, url);
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const pglite = new PGlite();
  await migrate(drizzle({ client: pglite }), { migrationsFolder: path.resolve("db/migrations") });
  const dump = await pglite.dumpDataDir("none");
  const file = path.join(mkdtempSync(path.join(tmpdir(), "herald-pglite-")), "dump.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide("databaseUrl", "");
  project.provide("pgliteDump", file);
}
