import { afterEach, describe, expect, it, vi } from "vitest";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { msUntilNextRun, runScheduledBackup } from "./scheduler";
import { backupConfig } from "./config";
import { listBackups } from "./manifest";
import { verifyBackup } from "./backup";

const H = 60 * 60 * 1000;

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("daily backup schedule", () => {
  it("waits until the next run hour, today's or tomorrow's", () => {
    expect(msUntilNextRun(new Date("2026-11-25T01:00:00Z"), 3)).toBe(2 * H);
    expect(msUntilNextRun(new Date("2026-11-25T03:00:00Z"), 3)).toBe(24 * H);
    expect(msUntilNextRun(new Date("2026-11-30T23:30:00Z"), 3)).toBe(3.5 * H);
  });

  it("parses its configuration with defaults and clear errors", () => {
    const c = backupConfig({});
    expect(c.schedule).toBe("off");
    expect(c.dir.endsWith(".data/backups")).toBe(true);
    expect(c.hourUtc).toBe(3);
    expect(() => c.key()).toThrow("HERALD_BACKUP_KEY must be 32 bytes");
    expect(() => backupConfig({ HERALD_BACKUP_SCHEDULE: "hourly" })).toThrow('HERALD_BACKUP_SCHEDULE: must be "daily" or "off"');
  });

  it("a scheduled run backs up the app's own database and logs the result without secrets", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "herald-scheduled-"));
    const key = Buffer.alloc(32, 5);
    vi.stubEnv("BACKUP_DIR", dir);
    vi.stubEnv("HERALD_BACKUP_KEY", key.toString("base64"));
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    await runScheduledBackup();
    const [backup] = await listBackups(dir);
    expect(backup).toBeDefined();
    await expect(verifyBackup(backup.path, key)).resolves.toMatchObject({ sha256: backup.sha256 });
    const line = JSON.parse(String(out.mock.calls.at(-1)![0]));
    expect(line).toMatchObject({ level: "info", event: "backup.done", file: backup.file, size: backup.size, deleted: 0 });
    expect(JSON.stringify(out.mock.calls)).not.toContain(key.toString("base64"));
  });

  it("logs a failure instead of crashing the app", async () => {
    vi.stubEnv("HERALD_BACKUP_KEY", "too-short");
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    await runScheduledBackup();
    expect(JSON.parse(String(err.mock.calls.at(-1)![0]))).toMatchObject({ level: "error", event: "backup.failed" });
  });
});
