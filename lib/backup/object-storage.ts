import "server-only";
import { createReadStream } from "node:fs";
import { DeleteObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { ObjectStorageConfig } from "./config";
import { BackupError } from "./errors";
import { parseBackupFileName, type TManifest } from "./manifest";
import { RETENTION_DAYS } from "./retention";

const DAY_MS = 24 * 60 * 60 * 1000;

function client(cfg: ObjectStorageConfig): S3Client {
  return new S3Client({
    region: cfg.region,
    endpoint: cfg.endpoint,
    // S3-compatible services (MinIO, R2, …) are addressed by path; AWS itself by virtual host.
    forcePathStyle: Boolean(cfg.endpoint),
    // Checksums only where S3 requires them, so that S3-compatible services without CRC support work.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

async function withClient<T>(cfg: ObjectStorageConfig, what: string, fn: (s3: S3Client) => Promise<T>): Promise<T> {
  const s3 = client(cfg);
  try {
    return await fn(s3);
  } catch (err) {
    throw new BackupError(`Object storage ${what} failed (bucket ${cfg.bucket}): ${(err as Error).name}: ${(err as Error).message}`);
  } finally {
    s3.destroy();
  }
}

/** Streams the finished (already encrypted) backup file and its manifest to the bucket. */
export async function uploadBackup(cfg: ObjectStorageConfig, backup: TManifest & { path: string }): Promise<string> {
  const key = cfg.prefix + backup.file;
  const { path, ...manifest } = backup;
  await withClient(cfg, "upload", async (s3) => {
    await s3.send(new PutObjectCommand({ Bucket: cfg.bucket, Key: key, Body: createReadStream(path), ContentLength: backup.size, ContentType: "application/octet-stream" }));
    await s3.send(new PutObjectCommand({ Bucket: cfg.bucket, Key: `${key}.json`, Body: JSON.stringify(manifest, null, 2), ContentType: "application/json" }));
  });
  return key;
}

/** The same rule as on disk: delete backups older than `days`, never the newest. Returns deleted keys. */
export async function applyRemoteRetention(cfg: ObjectStorageConfig, now = new Date(), days = RETENTION_DAYS): Promise<string[]> {
  return withClient(cfg, "retention", async (s3) => {
    const backups: Array<{ key: string; at: Date }> = [];
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: cfg.bucket, Prefix: cfg.prefix, ContinuationToken: token }));
      for (const o of page.Contents ?? []) {
        const at = o.Key ? parseBackupFileName(o.Key.slice(cfg.prefix.length)) : undefined;
        if (o.Key && at) backups.push({ key: o.Key, at });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    backups.sort((a, b) => a.at.getTime() - b.at.getTime());
    const newest = backups.at(-1);
    const expired = backups.filter((b) => b !== newest && b.at.getTime() < now.getTime() - days * DAY_MS);
    for (const b of expired) {
      await s3.send(new DeleteObjectCommand({ Bucket: cfg.bucket, Key: b.key }));
      await s3.send(new DeleteObjectCommand({ Bucket: cfg.bucket, Key: `${b.key}.json` }));
    }
    return expired.map((b) => b.key);
  });
}
