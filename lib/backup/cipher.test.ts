import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createDecryptStream, createEncryptStream, parseBackupKey } from "./cipher";

const KEY = randomBytes(32);

async function through(data: Buffer[], t: NodeJS.ReadWriteStream): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(Readable.from(data), t, new Writable({ write: (c, _e, done) => (out.push(c), done()) }));
  return Buffer.concat(out);
}

describe("backup cipher", () => {
  it("round-trips data across many frames, fed in uneven chunks, and empty input", async () => {
    const plain = randomBytes(300_000);
    const pieces = [plain.subarray(0, 1), plain.subarray(1, 70_000), plain.subarray(70_000)];
    const sealed = await through(pieces, createEncryptStream(KEY));
    expect(sealed.length).toBeGreaterThan(plain.length);
    expect(await through([sealed.subarray(0, 10), sealed.subarray(10)], createDecryptStream(KEY))).toEqual(plain);
    expect(await through([await through([], createEncryptStream(KEY))], createDecryptStream(KEY))).toEqual(Buffer.alloc(0));
  });

  it("uses a fresh nonce prefix per file: the same input never encrypts the same way", async () => {
    const a = await through([Buffer.from("same")], createEncryptStream(KEY));
    const b = await through([Buffer.from("same")], createEncryptStream(KEY));
    expect(a.equals(b)).toBe(false);
  });

  it("detects reordered or dropped frames", async () => {
    const sealed = await through([randomBytes(200_000)], createEncryptStream(KEY));
    const frame = 5 + 65_536 + 16;
    const header = sealed.subarray(0, 31);
    const f1 = sealed.subarray(31, 31 + frame);
    const f2 = sealed.subarray(31 + frame, 31 + 2 * frame);
    const rest = sealed.subarray(31 + 2 * frame);
    await expect(through([Buffer.concat([header, f2, f1, rest])], createDecryptStream(KEY))).rejects.toThrow("a frame failed authentication");
    await expect(through([Buffer.concat([header, f1, rest])], createDecryptStream(KEY))).rejects.toThrow("a frame failed authentication");
    await expect(through([Buffer.concat([header, f1])], createDecryptStream(KEY))).rejects.toThrow("truncated");
  });

  it("streams: 128 MB pass through encryption and decryption with only a few frames buffered at any time", async () => {
    const MB = 1024 * 1024;
    const block = randomBytes(MB);
    const enc = createEncryptStream(KEY);
    const dec = createDecryptStream(KEY);
    let peak = 0;
    let total = 0;
    let outputBeforeLastInput = 0;
    async function* source() {
      for (let i = 0; i < 128; i++) {
        if (i === 127) outputBeforeLastInput = total;
        peak = Math.max(peak, enc.writableLength + enc.readableLength + dec.writableLength + dec.readableLength);
        yield block;
      }
    }
    await pipeline(Readable.from(source()), enc, dec, new Writable({ write: (c, _e, done) => ((total += c.length), done()) }));
    expect(total).toBe(128 * MB);
    expect(peak).toBeLessThan(4 * MB);
    // Plaintext came out while input was still going in: nothing waits for the end of the dump.
    expect(outputBeforeLastInput).toBeGreaterThan(100 * MB);
  });

  it("validates the key's form", () => {
    expect(() => parseBackupKey(undefined)).toThrow("HERALD_BACKUP_KEY must be 32 bytes");
    expect(() => parseBackupKey(Buffer.alloc(16).toString("base64"))).toThrow("HERALD_BACKUP_KEY must be 32 bytes");
    expect(parseBackupKey(KEY.toString("base64"))).toEqual(KEY);
  });
});
