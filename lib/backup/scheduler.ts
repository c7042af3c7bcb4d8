import "server-only";
import { log } from "@/lib/log";
import { backupConfig } from "./config";
import { runBackup } from "./run";

/** Milliseconds from `now` until the next `hourUtc`:00 UTC (today's if still ahead, else tomorrow's). */
export function msUntilNextRun(now: Date, hourUtc: number): number {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next.getTime() - now.getTime();
}

export async function runScheduledBackup(): Promise<void> {
  const config = backupConfig();
  const started = Date.now();
  try {
    const { manifest, uploadedKey, deleted } = await runBackup(config);
    log.info("backup.done", { file: manifest.file, size: manifest.size, uploaded: Boolean(uploadedKey), ms: Date.now() - started, deleted: deleted.length });
  } catch (err) {
    log.error("backup.failed", { error: err });
  }
}

let timer: NodeJS.Timeout | undefined;

/**
 * In-app daily backups for single-instance installs (HERALD_BACKUP_SCHEDULE=daily). Several instances
 * would each back up: those installs use the cron line instead. Misconfiguration stops the start.
 */
export function startBackupScheduler(): void {
  const config = backupConfig();
  if (config.schedule !== "daily" || timer) return;
  config.key();
  const arm = () => {
    timer = setTimeout(() => void runScheduledBackup().finally(arm), msUntilNextRun(new Date(), config.hourUtc));
    timer.unref();
  };
  arm();
  log.info("backup.scheduled", { hourUtc: config.hourUtc, dir: config.dir });
}
