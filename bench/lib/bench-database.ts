// A scratch PostgreSQL database for one bench run, dropped (and any server started for it stopped)
// when the bench ends.
import { findOrStartPostgres } from "../../scripts/lib/postgres-server";
import { createScratchDatabase, dropScratchDatabase } from "../../scripts/lib/scratch-database";
import type { Defer } from "./run-bench";

export async function benchDatabase(defer: Defer): Promise<string> {
  const server = await findOrStartPostgres();
  if (!server) throw new Error("The bench needs PostgreSQL (DATABASE_URL, 127.0.0.1:5432, or initdb on PATH).");
  defer(() => server.stop());
  const url = await createScratchDatabase(server.url, "herald_bench");
  defer(() => dropScratchDatabase(server.url, url));
  return url;
}
