import { closeDatabase, databaseKind, runMigrations } from "../db";

async function main() {
  await runMigrations();
  console.log(`Migrations applied (${databaseKind() === "pg" ? "PostgreSQL" : "embedded PGlite"}).`);
  await closeDatabase();
}

void main();
