import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { copyFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { createScratchDatabase, dropScratchDatabase } from "@/scripts/lib/scratch-database";
import { createBackup, restoreBackup } from "./backup";
import { createDecryptStream } from "./cipher";
import type { BackupSource, RestoreTarget } from "./database";
import { latestSchemaVersion, manifestPath, readManifest } from "./manifest";

// Runs on whichever database the suite runs on: PostgreSQL when DATABASE_URL is set, else PGlite.
// Each test database here is its own (a scratch database or PGlite), so other test files cannot interfere.
const serverUrl = inject("databaseUrl");
const kind = serverUrl ? "pg" : "pglite";
const MARKER = "Zebra-Marker-7f3a";
const KEY = Buffer.alloc(32, 11);
const WRONG_KEY = Buffer.alloc(32, 12);

type TestDb = { exec: (sql: string) => Promise<void>; rows: <T>(sql: string) => Promise<T[]>; close: () => Promise<void> };

async function openPg(url: string): Promise<TestDb> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    exec: async (sql) => void (await client.query(sql)),
    rows: async <T,>(sql: string) => (await client.query(sql)).rows as T[],
    close: () => client.end(),
  };
}

function wrapPglite(p: PGlite): TestDb {
  return {
    exec: async (sql) => void (await p.exec(sql)),
    rows: async <T,>(sql: string) => (await p.query<T>(sql)).rows,
    close: () => p.close(),
  };
}

/** Every row of every table (ours and drizzle's migration log), as sorted JSON text per table. */
async function snapshot(db: TestDb): Promise<Record<string, string[]>> {
  const tables = await db.rows<{ s: string; t: string }>(
    `select table_schema as s, table_name as t from information_schema.tables
     where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`);
  const out: Record<string, string[]> = {};
  for (const { s, t } of tables) {
    const rows = await db.rows<{ r: string }>(`select to_jsonb(x)::text as r from "${s}"."${t}" x`);
    out[`${s}.${t}`] = rows.map((r) => r.r).sort();
  }
  return out;
}

const SEED = `
  insert into users (id, name, email) values ('u-1', 'Admin ${MARKER}', 'admin-${MARKER}@example.test');
  insert into workspaces (id, name, slug, public_key, identity_secret_enc, settings)
    values ('00000000-0000-4000-8000-000000000001', 'Workspace ${MARKER}', 'marker-ws', 'pk_marker', 'v1:enc', '{"theme":{"accent":"#123456"}}');
  insert into memberships (workspace_id, user_id, role) values ('00000000-0000-4000-8000-000000000001', 'u-1', 'owner');
  insert into end_users (workspace_id, anonymous_id, attributes)
    select '00000000-0000-4000-8000-000000000001', 'anon-' || g || '-' || md5(g::text), jsonb_build_object('plan', 'p' || (g % 3), 'n', g)
    from generate_series(1, 3000) g;
  insert into end_users (workspace_id, anonymous_id, attributes)
    values ('00000000-0000-4000-8000-000000000001', 'anon-${MARKER}', '{"note":"${MARKER}"}');
`;

let dir: string;
let source: TestDb;
let backupSource: BackupSource;
let pgliteSource: PGlite | undefined;
let sourceUrl = "";
const cleanups: Array<() => Promise<unknown>> = [];

async function freshTarget(): Promise<{ target: RestoreTarget; open: () => Promise<TestDb>; isEmpty: () => Promise<boolean> }> {
  if (kind === "pg") {
    const url = await createScratchDatabase(serverUrl, "herald_restore", { migrate: false });
    cleanups.push(() => dropScratchDatabase(serverUrl, url));
    const open = () => openPg(url);
    const isEmpty = async () => {
      const db = await open();
      const [{ n }] = await db.rows<{ n: string }>("select count(*) as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')");
      await db.close();
      return Number(n) === 0;
    };
    return { target: { kind: "pg", url }, open, isEmpty };
  }
  const target = path.join(await mkdtemp(path.join(tmpdir(), "herald-restore-")), "pgdata");
  return { target: { kind: "pglite", dir: target }, open: async () => wrapPglite(new PGlite(target)), isEmpty: async () => !existsSync(target) };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "herald-backups-"));
  if (kind === "pg") {
    sourceUrl = await createScratchDatabase(serverUrl, "herald_backup_src");
    source = await openPg(sourceUrl);
    backupSource = { kind: "pg", url: sourceUrl };
  } else {
    pgliteSource = new PGlite({ loadDataDir: new Blob([readFileSync(inject("pgliteDump"))]) });
    source = wrapPglite(pgliteSource);
    backupSource = { kind: "pglite", pglite: pgliteSource };
  }
  await source.exec(SEED);
});

afterAll(async () => {
  await source?.close();
  if (sourceUrl) await dropScratchDatabase(serverUrl, sourceUrl);
  for (const c of cleanups) await c();
});

describe(`backup and restore (${kind})`, () => {
  let file: string;
  let before: Record<string, string[]>;

  it("round-trips every row of every table into a fresh database, after the source changed", async () => {
    before = await snapshot(source);
    expect(before["public.end_users"]).toHaveLength(3001);
    expect(Object.keys(before)).toContain("drizzle.__drizzle_migrations");
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(17);
    let progress = 0;
    const manifest = await createBackup({ source: backupSource, dir, key: KEY, onProgress: (n) => (progress = n) });
    file = manifest.path;
    expect(progress).toBe(manifest.size);
    expect(manifest.schemaVersion).toBe(latestSchemaVersion());
    expect(manifest.database).toBe(kind);
    expect(manifest.sha256).toBe(createHash("sha256").update(await readFile(file)).digest("hex"));
    const { path: written, ...stored } = manifest;
    expect(written).toBe(path.join(dir, manifest.file));
    expect(await readManifest(file)).toEqual(stored);

    await source.exec(`update workspaces set name = 'Renamed'; delete from end_users where attributes->>'plan' = 'p1';
      delete from memberships; delete from users;`);
    expect(await snapshot(source)).not.toEqual(before);

    const { target, open } = await freshTarget();
    await restoreBackup({ file, key: KEY, target });
    const restored = await open();
    try {
      expect(await snapshot(restored)).toEqual(before);
    } finally {
      await restored.close();
    }
  });

  it("never holds a plaintext string of the database", async () => {
    const bytes = await readFile(file);
    expect(bytes.includes(Buffer.from(MARKER))).toBe(false);
    expect(bytes.includes(Buffer.from("marker-ws"))).toBe(false);
    // The marker is really inside: decrypting (and decompressing) the same file reveals it.
    const plain: Buffer[] = [];
    const dec = createDecryptStream(KEY);
    dec.on("data", (c: Buffer) => plain.push(c));
    await new Promise<void>((resolve, reject) => dec.on("end", resolve).on("error", reject).end(bytes));
    expect(gunzipSync(Buffer.concat(plain)).includes(Buffer.from(MARKER))).toBe(true);
  });

  it("refuses a wrong key with a clear message and touches no database", async () => {
    const { target, isEmpty } = await freshTarget();
    await expect(restoreBackup({ file, key: WRONG_KEY, target })).rejects.toThrow(
      "Wrong backup key: HERALD_BACKUP_KEY is not the key this backup was encrypted with.");
    expect(await isEmpty()).toBe(true);
  });

  it("refuses a corrupted or truncated file with a clear message and touches no database", async () => {
    const bytes = await readFile(file);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 2)] ^= 0xff;
    const cases: Array<{ data: Buffer; fixChecksum: boolean; message: string }> = [
      { data: flipped, fixChecksum: false, message: "Backup file is corrupted: its SHA-256 checksum does not match the manifest." },
      { data: flipped, fixChecksum: true, message: "Backup file is corrupted: a frame failed authentication." },
      { data: bytes.subarray(0, bytes.length - 40), fixChecksum: true, message: "Backup file is corrupted:" },
    ];
    for (const [i, c] of cases.entries()) {
      const bad = path.join(dir, `bad-${i}.hbk`);
      await writeFile(bad, c.data);
      const manifest = JSON.parse(await readFile(manifestPath(file), "utf8"));
      if (c.fixChecksum) manifest.sha256 = createHash("sha256").update(c.data).digest("hex");
      await writeFile(manifestPath(bad), JSON.stringify(manifest));
      const { target, isEmpty } = await freshTarget();
      await expect(restoreBackup({ file: bad, key: KEY, target })).rejects.toThrow(c.message);
      expect(await isEmpty()).toBe(true);
    }
  });

  it("refuses to restore over a database that already has data", async () => {
    const { target, open } = await freshTarget();
    const db = await open();
    await db.exec("create table keep_me (id int); insert into keep_me values (1)");
    await db.close();
    await expect(restoreBackup({ file, key: KEY, target })).rejects.toThrow(/not empty/);
    const again = await open();
    expect(await again.rows("select * from keep_me")).toEqual([{ id: 1 }]);
    await again.close();
  });

  it("refuses a backup without its manifest", async () => {
    const lone = path.join(dir, "lone.hbk");
    await copyFile(file, lone);
    const { target } = await freshTarget();
    await expect(restoreBackup({ file: lone, key: KEY, target })).rejects.toThrow(/No manifest next to/);
  });
});
