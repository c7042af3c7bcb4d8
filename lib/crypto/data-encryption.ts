import "server-only";
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// Personal data at rest: AES-256-GCM, "v<version>.<iv>.<tag>.<ciphertext>" (base64url parts),
// so that keys can rotate while old rows stay readable.

function keys(): Map<number, Buffer> {
  const e = env();
  const map = new Map<number, Buffer>();
  for (const entry of e.HERALD_DATA_KEYS_OLD.split(",").filter(Boolean)) {
    const [version, key] = entry.split(":");
    map.set(Number(version), Buffer.from(key, "base64"));
  }
  map.set(e.HERALD_DATA_KEY_VERSION, Buffer.from(e.HERALD_DATA_KEY, "base64"));
  return map;
}

export function currentKeyVersion(): number {
  return env().HERALD_DATA_KEY_VERSION;
}

export function encrypt(plaintext: string): string {
  const version = currentKeyVersion();
  const key = keys().get(version)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return `v${version}.${iv.toString("base64url")}.${tag.toString("base64url")}.${data.toString("base64url")}`;
}

export function decrypt(token: string): string {
  const [v, iv, tag, data] = token.split(".");
  const key = keys().get(Number(v?.slice(1)));
  if (!key || !iv || !tag || data === undefined) throw new Error("Unreadable ciphertext or unknown key version");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** Keyed blind index: equal inputs give equal hashes, without the key nothing is learnt. */
export function blindIndex(value: string): string {
  const key = Buffer.from(env().HERALD_DATA_KEY, "base64");
  return createHmac("sha256", key).update("blind-index:").update(value.trim().toLowerCase()).digest("hex");
}
