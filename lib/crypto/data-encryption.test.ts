import { describe, expect, it, vi } from "vitest";
import { randomBytes } from "node:crypto";

const key1 = randomBytes(32).toString("base64");
const key2 = randomBytes(32).toString("base64");

async function load(envVars: Record<string, string>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(envVars)) vi.stubEnv(k, v);
  return import("./data-encryption");
}

describe("data encryption", () => {
  it("round-trips and never returns the plaintext", async () => {
    const c = await load({ HERALD_DATA_KEY: key1, HERALD_DATA_KEY_VERSION: "1", HERALD_DATA_KEYS_OLD: "" });
    const token = c.encrypt("jane@example.com");
    expect(token).not.toContain("jane");
    expect(token.startsWith("v1.")).toBe(true);
    expect(c.decrypt(token)).toBe("jane@example.com");
    expect(c.encrypt("jane@example.com")).not.toBe(token); // random IV
  });

  it("rejects a tampered ciphertext", async () => {
    const c = await load({ HERALD_DATA_KEY: key1, HERALD_DATA_KEY_VERSION: "1", HERALD_DATA_KEYS_OLD: "" });
    const parts = c.encrypt("secret").split(".");
    parts[3] = Buffer.from("other!").toString("base64url");
    expect(() => c.decrypt(parts.join("."))).toThrow();
  });

  it("reads rows written under an older key after rotation", async () => {
    const old = await load({ HERALD_DATA_KEY: key1, HERALD_DATA_KEY_VERSION: "1", HERALD_DATA_KEYS_OLD: "" });
    const token = old.encrypt("ada@example.com");
    const rotated = await load({ HERALD_DATA_KEY: key2, HERALD_DATA_KEY_VERSION: "2", HERALD_DATA_KEYS_OLD: `1:${key1}` });
    expect(rotated.decrypt(token)).toBe("ada@example.com");
    expect(rotated.encrypt("x").startsWith("v2.")).toBe(true);
  });

  it("blind index is stable, case-insensitive and keyed", async () => {
    const a = await load({ HERALD_DATA_KEY: key1, HERALD_DATA_KEY_VERSION: "1", HERALD_DATA_KEYS_OLD: "" });
    const h = a.blindIndex("Jane@Example.com ");
    expect(h).toBe(a.blindIndex("jane@example.com"));
    const b = await load({ HERALD_DATA_KEY: key2, HERALD_DATA_KEY_VERSION: "1", HERALD_DATA_KEYS_OLD: "" });
    expect(b.blindIndex("jane@example.com")).not.toBe(h);
  });
});
