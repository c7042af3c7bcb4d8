import "server-only";
import { rm } from "node:fs/promises";
import { listBackups, manifestPath } from "./manifest";

export const RETENTION_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes backups (file and manifest) older than `days`; the newest backup is always kept. Returns deleted files. */
export async function applyRetention(dir: string, now = new Date(), days = RETENTION_DAYS): Promise<string[]> {
  const backups = await listBackups(dir);
  const newest = backups.at(-1);
  const cutoff = now.getTime() - days * DAY_MS;
  const expired = backups.filter((b) => b !== newest && new Date(b.createdAt).getTime() < cutoff);
  for (const b of expired) {
    await rm(b.path, { force: true });
    await rm(manifestPath(b.path), { force: true });
  }
  return expired.map((b) => b.path);
}
