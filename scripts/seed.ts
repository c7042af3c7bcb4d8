import { loadDevSecrets } from "./lib/dev-secrets";

async function main() {
  loadDevSecrets();
  const { closeDatabase, runMigrations } = await import("../db");
  const { DEMO, seedDemo } = await import("../lib/demo/seed");
  await runMigrations();
  const ctx = await seedDemo();
  console.log(`Demo workspace "${DEMO.workspaceName}" ready (public key ${ctx.publicKey}).`);
  await closeDatabase();
}

void main();
