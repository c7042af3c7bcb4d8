import "server-only";
import path from "node:path";
import { z } from "zod";
import { databaseKind, getDb } from "@/db";
import type { PGlite } from "@electric-sql/pglite";
import { parseBackupKey } from "./cipher";
import type { BackupSource } from "./database";
import { BackupError } from "./errors";

// Backup settings are read on their own (not in lib/env.ts) so that `npm run backup` and
// `npm run restore` need only what they use, and the app needs them only when scheduling is on.
const ZBackupEnv = z.object({
  HERALD_BACKUP_KEY: z.string().optional(),
  BACKUP_DIR: z.string().min(1).default(".data/backups"),
  HERALD_BACKUP_SCHEDULE: z.enum(["off", "daily"], { message: 'must be "daily" or "off"' }).default("off"),
  HERALD_BACKUP_HOUR: z.coerce.number().int().min(0).max(23).default(3),
  // Optional copy to S3-compatible object storage; credentials come from the AWS SDK's usual
  // environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) and are never read or logged here.
  HERALD_BACKUP_S3_BUCKET: z.string().min(3).optional(),
  HERALD_BACKUP_S3_PREFIX: z.string().default("herald-backups/"),
  HERALD_BACKUP_S3_REGION: z.string().min(1).default("us-east-1"),
  HERALD_BACKUP_S3_ENDPOINT: z.url({ message: "must be a URL, e.g. https://s3.example.com" }).optional(),
});

export type ObjectStorageConfig = { bucket: string; prefix: string; region: string; endpoint?: string };
export type BackupConfig = { key: () => Buffer; dir: string; schedule: "off" | "daily"; hourUtc: number; objectStorage?: ObjectStorageConfig };

export function backupConfig(source: Record<string, string | undefined> = process.env): BackupConfig {
  const parsed = ZBackupEnv.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    throw new BackupError(`Backup configuration is invalid:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  }
  const e = parsed.data;
  return {
    key: () => parseBackupKey(e.HERALD_BACKUP_KEY),
    dir: path.resolve(e.BACKUP_DIR),
    schedule: e.HERALD_BACKUP_SCHEDULE,
    hourUtc: e.HERALD_BACKUP_HOUR,
    objectStorage: e.HERALD_BACKUP_S3_BUCKET
      ? { bucket: e.HERALD_BACKUP_S3_BUCKET, prefix: e.HERALD_BACKUP_S3_PREFIX, region: e.HERALD_BACKUP_S3_REGION, endpoint: e.HERALD_BACKUP_S3_ENDPOINT }
      : undefined,
  };
}

/** The database this process uses, as a backup source (the open PGlite itself, never a second opener). */
export function currentSource(): BackupSource {
  if (databaseKind() === "pg") {
    const url = process.env.DATABASE_URL;
    if (!url) throw new BackupError("DATABASE_URL is not set.");
    return { kind: "pg", url };
  }
  return { kind: "pglite", pglite: (getDb() as unknown as { $client: PGlite }).$client };
}
