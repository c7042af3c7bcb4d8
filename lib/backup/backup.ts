import "server-only";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import { PassThrough, Transform, Writable, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { checkHeader, createDecryptStream, createEncryptStream, HEADER_BYTES } from "./cipher";
import { assertEmptyTarget, dumpPglite, dumpPostgres, restorePglite, restorePostgres, type BackupSource, type RestoreTarget } from "./database";
import { BackupError } from "./errors";
import { backupFileName, latestSchemaVersion, migrationTags, readManifest, writeManifest, type TManifest } from "./manifest";

export type BackupOptions = { source: BackupSource; dir: string; key: Buffer; now?: Date; onProgress?: (bytesWritten: number) => void };

/** Counts and hashes the ciphertext on its way to disk. */
function meter(onProgress?: (n: number) => void) {
  const hash = createHash("sha256");
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _e, done) {
      hash.update(chunk);
      size += chunk.length;
      onProgress?.(size);
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ size, sha256: hash.digest("hex") }) };
}

/**
 * Dumps the database, compresses and encrypts it while streaming to `dir`, then writes the manifest.
 * The file appears under its final name only when complete, so a crash leaves no half backup behind.
 */
export async function createBackup(opts: BackupOptions): Promise<TManifest & { path: string }> {
  const createdAt = opts.now ?? new Date();
  const schemaVersion = latestSchemaVersion();
  await mkdir(opts.dir, { recursive: true });
  const file = backupFileName(createdAt);
  const finalPath = path.join(opts.dir, file);
  const partial = `${finalPath}.partial`;
  const m = meter(opts.onProgress);
  const out = createWriteStream(partial, { mode: 0o600 });
  try {
    if (opts.source.kind === "pg") {
      const dump = dumpPostgres(opts.source.url);
      await Promise.all([pipeline(dump.stream, createGzip(), createEncryptStream(opts.key), m.stream, out), dump.done]);
    } else {
      await pipeline(await dumpPglite(opts.source.pglite), createGzip(), createEncryptStream(opts.key), m.stream, out);
    }
    await rename(partial, finalPath);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
  const manifest: TManifest = { format: "herald-backup/1", file, createdAt: createdAt.toISOString(), database: opts.source.kind, ...m.result(), schemaVersion };
  await writeManifest(opts.dir, manifest);
  return { ...manifest, path: finalPath };
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

async function readHeader(file: string): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const buf = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(buf, 0, HEADER_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const discard = () => new Writable({ write: (_c, _e, done) => done() });

function decrypted(file: string, key: Buffer): Readable {
  const out = new PassThrough();
  pipeline(createReadStream(file), createDecryptStream(key), createGunzip(), out).catch((err) => out.destroy(err));
  return out;
}

/**
 * Checks a backup without touching any database: manifest, checksum of the ciphertext, key, schema
 * version, then a full decryption pass so that a bad frame is found before anything is restored.
 */
export async function verifyBackup(file: string, key: Buffer): Promise<TManifest> {
  const manifest = await readManifest(file);
  const actual = await sha256OfFile(file).catch(() => {
    throw new BackupError(`Cannot read backup file ${file}.`);
  });
  if (actual !== manifest.sha256) throw new BackupError("Backup file is corrupted: its SHA-256 checksum does not match the manifest.");
  checkHeader(await readHeader(file), key);
  if (!migrationTags().includes(manifest.schemaVersion)) {
    throw new BackupError(`Backup has schema version ${manifest.schemaVersion}, unknown to this Herald: upgrade Herald before restoring it.`);
  }
  await pipeline(createReadStream(file), createDecryptStream(key), createGunzip(), discard()).catch((err) => {
    throw err instanceof BackupError ? err : new BackupError(`Backup file is corrupted: ${(err as Error).message}`);
  });
  return manifest;
}

/** Verifies the backup, checks that the target is empty, then restores into it. */
export async function restoreBackup(opts: { file: string; key: Buffer; target: RestoreTarget }): Promise<TManifest> {
  const manifest = await verifyBackup(opts.file, opts.key);
  if (manifest.database !== opts.target.kind) {
    throw new BackupError(`This backup is of ${manifest.database === "pg" ? "PostgreSQL" : "embedded PGlite"}: restore it into the same kind of database.`);
  }
  await assertEmptyTarget(opts.target);
  if (opts.target.kind === "pg") {
    const sink = restorePostgres(opts.target.url);
    await Promise.all([pipeline(decrypted(opts.file, opts.key), sink.stream), sink.done]);
  } else {
    const chunks: Buffer[] = [];
    await pipeline(decrypted(opts.file, opts.key), new Writable({ write: (c, _e, done) => (chunks.push(c), done()) }));
    await restorePglite(opts.target.dir, Buffer.concat(chunks));
  }
  return manifest;
}
