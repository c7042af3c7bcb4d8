// `npm run restore -- <file>`: restores a backup into the EMPTY database named by DATABASE_URL (or,
// without it, into a new PGLITE_DIR, default .data/pglite). Checksum, key and every encrypted frame
// are checked before anything is written; a wrong key or a damaged file touches no database.
import { existsSync } from "node:fs";
import path from "node:path";
import { loadDevSecrets } from "./lib/dev-secrets";

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file || file.startsWith("-")) {
    console.error("Usage: npm run restore -- <backup file (.hbk)>   (its .hbk.json manifest must sit next to it)");
    return 2;
  }
  if (existsSync(".data/secrets.json")) loadDevSecrets();
  const { restoreBackup } = await import("../lib/backup/backup");
  const { backupConfig } = await import("../lib/backup/config");
  const { BackupError } = await import("../lib/backup/errors");
  const url = process.env.DATABASE_URL;
  const target = url ? ({ kind: "pg", url } as const) : ({ kind: "pglite", dir: path.resolve(process.env.PGLITE_DIR ?? ".data/pglite") } as const);
  try {
    const manifest = await restoreBackup({ file: path.resolve(file), key: backupConfig().key(), target });
    console.log(`Restored the backup of ${manifest.createdAt} (schema ${manifest.schemaVersion}) into ${url ? "the PostgreSQL database" : target.kind === "pglite" ? target.dir : ""}.`);
    console.log("Start Herald as usual: migrations newer than the backup run on start.");
    return 0;
  } catch (err) {
    console.error(err instanceof BackupError ? `Restore failed: ${err.message}` : err);
    return 1;
  }
}

// If the event loop ever drains before main settles, exit as a failure rather than a silent success.
process.exitCode = 1;
main().then((code) => process.exit(code));
