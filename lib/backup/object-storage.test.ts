import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { backupConfig, type ObjectStorageConfig } from "./config";
import { backupFileName } from "./manifest";
import { applyRemoteRetention } from "./object-storage";
import { runBackup } from "./run";

// A local stand-in for S3's path-style REST API: PutObject, ListObjectsV2, DeleteObject.
const objects = new Map<string, Buffer>();
const authHeaders: string[] = [];
let server: http.Server;
let endpoint: string;

function listXml(bucket: string, prefix: string): string {
  const keys = [...objects.keys()].filter((k) => k.startsWith(`${bucket}/${prefix}`)).map((k) => k.slice(bucket.length + 1)).sort();
  const contents = keys.map((k) => `<Contents><Key>${k}</Key><Size>${objects.get(`${bucket}/${k}`)!.length}</Size></Contents>`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${bucket}</Name><Prefix>${prefix}</Prefix><KeyCount>${keys.length}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>${contents}</ListBucketResult>`;
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url!, "http://stand-in");
    const key = decodeURIComponent(url.pathname.slice(1)).replace(/\/$/, "");
    authHeaders.push(String(req.headers.authorization));
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method === "PUT") {
        objects.set(key, Buffer.concat(chunks));
        res.writeHead(200, { ETag: '"stand-in"' }).end();
      } else if (req.method === "GET" && url.searchParams.get("list-type") === "2") {
        res.writeHead(200, { "content-type": "application/xml" }).end(listXml(key, url.searchParams.get("prefix") ?? ""));
      } else if (req.method === "DELETE") {
        objects.delete(key);
        res.writeHead(204).end();
      } else {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  vi.stubEnv("AWS_ACCESS_KEY_ID", "stand-in-id");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "stand-in-secret");
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => objects.clear());

describe("object storage copy", () => {
  it("is configured only when a bucket is named", () => {
    expect(backupConfig({}).objectStorage).toBeUndefined();
    expect(backupConfig({ HERALD_BACKUP_S3_BUCKET: "bucket-1", HERALD_BACKUP_S3_ENDPOINT: "http://minio:9000" }).objectStorage)
      .toEqual({ bucket: "bucket-1", prefix: "herald-backups/", region: "us-east-1", endpoint: "http://minio:9000" });
    expect(() => backupConfig({ HERALD_BACKUP_S3_BUCKET: "bucket-1", HERALD_BACKUP_S3_ENDPOINT: "minio" })).toThrow("HERALD_BACKUP_S3_ENDPOINT: must be a URL");
  });

  it("uploads the encrypted file and its manifest, byte for byte, with signed requests", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "herald-s3-"));
    const config = backupConfig({ BACKUP_DIR: dir, HERALD_BACKUP_KEY: Buffer.alloc(32, 3).toString("base64"), HERALD_BACKUP_S3_BUCKET: "backups", HERALD_BACKUP_S3_ENDPOINT: endpoint });
    const { manifest, uploadedKey } = await runBackup(config);
    expect(uploadedKey).toBe(`herald-backups/${manifest.file}`);
    expect(objects.get(`backups/${uploadedKey}`)!.equals(await readFile(manifest.path))).toBe(true);
    expect(JSON.parse(objects.get(`backups/${uploadedKey}.json`)!.toString())).toMatchObject({ sha256: manifest.sha256, size: manifest.size });
    expect(authHeaders.at(-1)).toMatch(/^AWS4-HMAC-SHA256 Credential=stand-in-id\//);
  });

  it("applies the 14-day retention in the bucket too, never deleting the newest", async () => {
    const cfg: ObjectStorageConfig = { bucket: "backups", prefix: "p/", region: "us-east-1", endpoint };
    const now = new Date("2026-11-25T03:00:00Z");
    for (let days = 0; days <= 20; days++) {
      const name = backupFileName(new Date(now.getTime() - days * 86_400_000));
      objects.set(`backups/p/${name}`, Buffer.from("x"));
      objects.set(`backups/p/${name}.json`, Buffer.from("{}"));
    }
    objects.set("backups/p/unrelated.txt", Buffer.from("keep"));
    const deleted = await applyRemoteRetention(cfg, now);
    expect(deleted).toHaveLength(6);
    expect([...objects.keys()].filter((k) => k.endsWith(".hbk"))).toHaveLength(15);
    expect([...objects.keys()].filter((k) => k.endsWith(".hbk.json"))).toHaveLength(15);
    expect(objects.has("backups/p/unrelated.txt")).toBe(true);

    objects.clear();
    const old = backupFileName(new Date(now.getTime() - 30 * 86_400_000));
    objects.set(`backups/p/${old}`, Buffer.from("x"));
    expect(await applyRemoteRetention(cfg, now)).toEqual([]);
  });

  it("reports an unreachable store clearly", async () => {
    const cfg: ObjectStorageConfig = { bucket: "backups", prefix: "p/", region: "us-east-1", endpoint: "http://127.0.0.1:9" };
    await expect(applyRemoteRetention(cfg)).rejects.toThrow(/^Object storage retention failed \(bucket backups\)/);
  });
});
