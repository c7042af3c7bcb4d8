import { describe, expect, it } from "vitest";
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { backupFileName, writeManifest } from "./manifest";
import { applyRetention } from "./retention";

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-11-25T03:00:00Z");

async function fakeBackups(ages: number[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "herald-retention-"));
  for (const days of ages) {
    const at = new Date(NOW.getTime() - days * DAY);
    const file = backupFileName(at);
    await writeFile(path.join(dir, file), `backup ${days}`);
    await writeManifest(dir, { format: "herald-backup/1", file, createdAt: at.toISOString(), database: "pg", size: 9, sha256: "0".repeat(64), schemaVersion: "0000_init" });
  }
  return dir;
}

async function remainingAges(dir: string): Promise<number[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".hbk"));
  expect((await readdir(dir)).filter((n) => n.endsWith(".hbk.json"))).toHaveLength(names.length);
  return names.map((n) => {
    const iso = n.slice("herald-".length, -".hbk".length).replace(/T(\d\d)-(\d\d)-(\d\d)-(\d+)Z/, "T$1:$2:$3.$4Z");
    return Math.round((NOW.getTime() - new Date(iso).getTime()) / DAY);
  }).sort((a, b) => a - b);
}

describe("applyRetention", () => {
  it("deletes exactly the backups older than 14 days (files and manifests)", async () => {
    const dir = await fakeBackups(Array.from({ length: 21 }, (_, i) => i));
    await writeFile(path.join(dir, "notes.txt"), "not a backup");
    const deleted = await applyRetention(dir, NOW);
    expect(deleted).toHaveLength(6);
    expect(await remainingAges(dir)).toEqual(Array.from({ length: 15 }, (_, i) => i));
    expect(await readdir(dir)).toContain("notes.txt");
  });

  it("never deletes the newest backup, however old", async () => {
    const dir = await fakeBackups([30, 20, 16]);
    await applyRetention(dir, NOW);
    expect(await remainingAges(dir)).toEqual([16]);
  });

  it("does nothing in an empty or missing folder", async () => {
    expect(await applyRetention(path.join(tmpdir(), "herald-no-such-dir"), NOW)).toEqual([]);
  });
});
