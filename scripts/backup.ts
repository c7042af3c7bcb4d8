// `npm run backup`: an encrypted, checksummed dump of the database into BACKUP_DIR, then retention
// (backups older than 14 days are deleted, never the newest), here and in object storage when
// HERALD_BACKUP_S3_BUCKET is set. Daily via cron, e.g.
//   15 3 * * *  cd /srv/herald && npm run backup >> /var/log/herald-backup.log 2>&1
// With the embedded database (PGlite) stop the app first, or use HERALD_BACKUP_SCHEDULE=daily instead:
// PGlite allows one process at a time.
import { existsSync } from "node:fs";
import { loadDevSecrets } from "./lib/dev-secrets";

function formatBytes(n: number): string {
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

async function main(): Promise<number> {
  // A demo install keeps its generated keys in .data/secrets.json; production sets them in the environment.
  if (existsSync(".data/secrets.json")) loadDevSecrets();
  const { closeDatabase } = await import("../db");
  const { backupConfig } = await import("../lib/backup/config");
  const { runBackup } = await import("../lib/backup/run");
  const { BackupError } = await import("../lib/backup/errors");
  const tty = process.stderr.isTTY;
  let lastDraw = 0;
  try {
    const config = backupConfig();
    const { manifest, uploadedKey, deleted } = await runBackup(config, {
      onProgress: (n) => {
        if (!tty || Date.now() - lastDraw < 200) return;
        lastDraw = Date.now();
        process.stderr.write(`\r  ${formatBytes(n)} written`);
      },
    });
    if (tty) process.stderr.write("\r\x1b[K");
    console.log(`Backup written: ${manifest.path} (${formatBytes(manifest.size)}, sha256 ${manifest.sha256}, schema ${manifest.schemaVersion})`);
    if (uploadedKey) console.log(`Uploaded to s3://${config.objectStorage!.bucket}/${uploadedKey} (with its manifest).`);
    console.log(deleted.length ? `Retention: deleted ${deleted.length} backup(s) older than 14 days.` : "Retention: nothing older than 14 days.");
    return 0;
  } catch (err) {
    if (tty) process.stderr.write("\n");
    console.error(err instanceof BackupError ? `Backup failed: ${err.message}` : err);
    return 1;
  } finally {
    await closeDatabase();
  }
}

// If the event loop ever drains before main settles, exit as a failure rather than a silent success.
process.exitCode = 1;
main().then((code) => process.exit(code));
