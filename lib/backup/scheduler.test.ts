import { describe, expect, it } from "vitest";
import { msUntilNextRun } from "./scheduler";
import { backupConfig } from "./config";

const H = 60 * 60 * 1000;

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
});
