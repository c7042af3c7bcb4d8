import "server-only";
import { readFileSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { BackupError } from "./errors";

export const BACKUP_EXTENSION = ".hbk";
const MANIFEST_SUFFIX = ".json";

export const ZManifest = z.object({
  format: z.literal("herald-backup/1"),
  file: z.string().min(1),
  createdAt: z.iso.datetime(),
  database: z.enum(["pg", "pglite"]),
  /** Size of the encrypted file in bytes. */
  size: z.number().int().nonnegative(),
  /** SHA-256 of the encrypted file, checked before any restore. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Tag of the newest migration applied when the dump was taken (db/migrations/meta/_journal.json). */
  schemaVersion: z.string().min(1),
});
export type TManifest = z.infer<typeof ZManifest>;

export function manifestPath(backupFile: string): string {
  return backupFile + MANIFEST_SUFFIX;
}

/** File name for a backup taken at `at`, sortable by time. */
export function backupFileName(at: Date): string {
  return `herald-${at.toISOString().replace(/[:.]/g, "-")}${BACKUP_EXTENSION}`;
}

/** The time a backup file name encodes (the inverse of backupFileName), or undefined for other names. */
export function parseBackupFileName(name: string): Date | undefined {
  const m = /^herald-(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z\.hbk$/.exec(name);
  return m ? new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : undefined;
}

/** Migration tags in order, from drizzle-kit's journal. */
export function migrationTags(root = process.cwd()): string[] {
  const journal = JSON.parse(readFileSync(path.join(root, "db/migrations/meta/_journal.json"), "utf8")) as { entries: { idx: number; tag: string }[] };
  return [...journal.entries].sort((a, b) => a.idx - b.idx).map((e) => e.tag);
}

export function latestSchemaVersion(): string {
  const tags = migrationTags();
  if (!tags.length) throw new BackupError("No migrations found in db/migrations/meta/_journal.json.");
  return tags[tags.length - 1];
}

export async function writeManifest(dir: string, manifest: TManifest): Promise<void> {
  await writeFile(manifestPath(path.join(dir, manifest.file)), JSON.stringify(ZManifest.parse(manifest), null, 2) + "\n");
}

export async function readManifest(backupFile: string): Promise<TManifest> {
  let raw: string;
  try {
    raw = await readFile(manifestPath(backupFile), "utf8");
  } catch {
    throw new BackupError(`No manifest next to ${backupFile} (expected ${path.basename(manifestPath(backupFile))}); it holds the checksum that must be checked first.`);
  }
  const parsed = ZManifest.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new BackupError(`Manifest ${manifestPath(backupFile)} is malformed.`);
  return parsed.data;
}

/** Every backup in `dir` that has a valid manifest, oldest first. Other files are left alone. */
export async function listBackups(dir: string): Promise<Array<TManifest & { path: string }>> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const out: Array<TManifest & { path: string }> = [];
  for (const name of names.filter((n) => n.endsWith(BACKUP_EXTENSION + MANIFEST_SUFFIX))) {
    const file = path.join(dir, name.slice(0, -MANIFEST_SUFFIX.length));
    const manifest = await readManifest(file).catch(() => undefined);
    if (manifest) out.push({ ...manifest, path: file });
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
