import "server-only";
import { createBackup } from "./backup";
import { currentSource, type BackupConfig } from "./config";
import type { BackupSource } from "./database";
import type { TManifest } from "./manifest";
import { applyRetention } from "./retention";

export type BackupRun = { manifest: TManifest & { path: string }; uploadedKey?: string; deleted: string[] };

/** One backup as `npm run backup` and the daily scheduler take it: dump, upload if configured, retention. */
export async function runBackup(config: BackupConfig, opts: { source?: BackupSource; onProgress?: (n: number) => void } = {}): Promise<BackupRun> {
  const manifest = await createBackup({ source: opts.source ?? currentSource(), dir: config.dir, key: config.key(), onProgress: opts.onProgress });
  const deleted = await applyRetention(config.dir);
  if (!config.objectStorage) return { manifest, deleted };
  // Loaded only when configured: the AWS SDK is large and most installs keep backups on disk.
  const { applyRemoteRetention, uploadBackup } = await import("./object-storage");
  const uploadedKey = await uploadBackup(config.objectStorage, manifest);
  deleted.push(...(await applyRemoteRetention(config.objectStorage)));
  return { manifest, uploadedKey, deleted };
}
