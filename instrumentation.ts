// Migrations run once when the server starts (Node runtime only), so a deploy needs no extra step.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { runMigrations } = await import("./db");
  await runMigrations();
  // Event partitions ahead of time, raw event retention (HERALD_EVENT_RETENTION_DAYS), old receipts.
  const { startEventMaintenance } = await import("./lib/ops/event-maintenance");
  startEventMaintenance();
  // Daily encrypted backups for single-instance installs (HERALD_BACKUP_SCHEDULE=daily; off by default).
  const { startBackupScheduler } = await import("./lib/backup/scheduler");
  startBackupScheduler();
}
