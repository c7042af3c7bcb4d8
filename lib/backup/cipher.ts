import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { BackupError } from "./errors";

// Backup file format, streamed so that a large dump never sits whole in memory:
//   header  "HRLDBK01" | nonce prefix (7 bytes) | key check (16 bytes)
//   frames  flag (1: 0 = more, 1 = last) | length (u32 BE) | AES-256-GCM ciphertext | tag (16)
// Each frame's nonce is prefix | frame counter | flag, so frames cannot be reordered, dropped or
// marked last without failing authentication; a file that ends before its last frame is truncated.
const MAGIC = Buffer.from("HRLDBK01");
const PREFIX_BYTES = 7;
const CHECK_BYTES = 16;
const TAG_BYTES = 16;
const FRAME_HEAD = 5;
export const HEADER_BYTES = MAGIC.length + PREFIX_BYTES + CHECK_BYTES;
const CHUNK = 64 * 1024;
const MAX_FRAME = 16 * 1024 * 1024;

/** Parses HERALD_BACKUP_KEY (32 bytes, base64). */
export function parseBackupKey(base64: string | undefined): Buffer {
  const key = base64 ? Buffer.from(base64, "base64") : Buffer.alloc(0);
  if (key.length !== 32) throw new BackupError("HERALD_BACKUP_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32).");
  return key;
}

// Separate subkeys for encryption and for the key check, so the check reveals nothing about the other.
function subkeys(key: Buffer, prefix: Buffer) {
  const derive = (info: string) => Buffer.from(hkdfSync("sha256", key, prefix, info, 32));
  const enc = derive("herald-backup-encryption");
  const check = createHmac("sha256", derive("herald-backup-key-check")).update(MAGIC).digest().subarray(0, CHECK_BYTES);
  return { enc, check };
}

function nonce(prefix: Buffer, counter: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(counter, PREFIX_BYTES);
  n[11] = last ? 1 : 0;
  return n;
}

export function createEncryptStream(key: Buffer): Transform {
  const prefix = randomBytes(PREFIX_BYTES);
  const { enc, check } = subkeys(key, prefix);
  let counter = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let headerSent = false;

  const frame = (plain: Buffer, last: boolean): Buffer => {
    if (counter === 0xffffffff) throw new BackupError("Backup is too large for one file.");
    const cipher = createCipheriv("aes-256-gcm", enc, nonce(prefix, counter++, last));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const head = Buffer.alloc(FRAME_HEAD);
    head[0] = last ? 1 : 0;
    head.writeUInt32BE(body.length, 1);
    return Buffer.concat([head, body, cipher.getAuthTag()]);
  };
  const header = () => {
    headerSent = true;
    return Buffer.concat([MAGIC, prefix, check]);
  };

  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      if (!headerSent) this.push(header());
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= CHUNK) {
        const all = Buffer.concat(pending);
        let offset = 0;
        for (; all.length - offset >= CHUNK; offset += CHUNK) this.push(frame(all.subarray(offset, offset + CHUNK), false));
        pending = [all.subarray(offset)];
        pendingBytes = all.length - offset;
      }
      done();
    },
    flush(done: TransformCallback) {
      if (!headerSent) this.push(header());
      this.push(frame(Buffer.concat(pending), true));
      done();
    },
  });
}

/** Reads only the header: throws a clear error when the file is not a backup or the key is not its key. */
export function checkHeader(header: Buffer, key: Buffer): void {
  if (header.length < HEADER_BYTES || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new BackupError("This file is not a Herald backup (unknown header).");
  }
  const prefix = header.subarray(MAGIC.length, MAGIC.length + PREFIX_BYTES);
  const expected = header.subarray(MAGIC.length + PREFIX_BYTES, HEADER_BYTES);
  if (!timingSafeEqual(subkeys(key, prefix).check, expected)) {
    throw new BackupError("Wrong backup key: HERALD_BACKUP_KEY is not the key this backup was encrypted with.");
  }
}

export function createDecryptStream(key: Buffer): Transform {
  let buffered: Buffer = Buffer.alloc(0);
  let enc: Buffer | undefined;
  let prefix: Buffer | undefined;
  let counter = 0;
  let finished = false;

  return new Transform({
    transform(chunk: Buffer, _e, done: TransformCallback) {
      try {
        buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
        if (!enc) {
          if (buffered.length < HEADER_BYTES) return done();
          checkHeader(buffered, key);
          prefix = buffered.subarray(MAGIC.length, MAGIC.length + PREFIX_BYTES);
          enc = subkeys(key, prefix).enc;
          buffered = buffered.subarray(HEADER_BYTES);
        }
        while (buffered.length >= FRAME_HEAD) {
          if (finished) throw new BackupError("Backup file is corrupted: data after its last frame.");
          const last = buffered[0] === 1;
          const len = buffered.readUInt32BE(1);
          if (buffered[0] > 1 || len > MAX_FRAME) throw new BackupError("Backup file is corrupted: bad frame header.");
          const total = FRAME_HEAD + len + TAG_BYTES;
          if (buffered.length < total) break;
          const decipher = createDecipheriv("aes-256-gcm", enc, nonce(prefix!, counter++, last));
          decipher.setAuthTag(buffered.subarray(FRAME_HEAD + len, total));
          const plain = decipher.update(buffered.subarray(FRAME_HEAD, FRAME_HEAD + len));
          try {
            decipher.final();
          } catch {
            throw new BackupError("Backup file is corrupted: a frame failed authentication.");
          }
          this.push(plain);
          finished = last;
          buffered = buffered.subarray(total);
        }
        done();
      } catch (err) {
        done(err as Error);
      }
    },
    flush(done: TransformCallback) {
      if (!enc) return done(new BackupError("This file is not a Herald backup (too short)."));
      if (!finished || buffered.length) return done(new BackupError("Backup file is corrupted: it ends before its last frame (truncated)."));
      done();
    },
  });
}
