import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { tlsConfig } from "./index";

const BASE = "postgres://herald:pw@db.example.com:5432/herald";

describe("tlsConfig (DATABASE_URL sslmode → pg TLS options)", () => {
  it("uses no TLS without sslmode or with sslmode=disable/allow", () => {
    expect(tlsConfig(BASE)).toEqual({ connectionString: BASE, ssl: undefined });
    expect(tlsConfig(`${BASE}?sslmode=disable`)).toEqual({ connectionString: BASE, ssl: undefined });
    expect(tlsConfig(`${BASE}?sslmode=allow`).ssl).toBeUndefined();
  });

  it("encrypts without verifying for require/prefer, verifies for verify-ca/verify-full", () => {
    expect(tlsConfig(`${BASE}?sslmode=require`)).toEqual({ connectionString: BASE, ssl: { rejectUnauthorized: false } });
    expect(tlsConfig(`${BASE}?sslmode=prefer`).ssl).toEqual({ rejectUnauthorized: false });
    expect(tlsConfig(`${BASE}?sslmode=verify-full`).ssl).toEqual({ rejectUnauthorized: true });
    const ca = tlsConfig(`${BASE}?sslmode=verify-ca`).ssl as { rejectUnauthorized: boolean; checkServerIdentity: () => unknown };
    expect(ca.rejectUnauthorized).toBe(true);
    expect(ca.checkServerIdentity()).toBeUndefined();
  });

  it("reads a root certificate file and keeps other URL parameters", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "herald-ca-")), "ca.pem");
    writeFileSync(file, "-----BEGIN CERTIFICATE-----\nTEST\n-----END CERTIFICATE-----\n");
    const cfg = tlsConfig(`${BASE}?sslmode=verify-full&sslrootcert=${encodeURIComponent(file)}&application_name=herald`);
    expect(cfg.connectionString).toBe(`${BASE}?application_name=herald`);
    expect(cfg.ssl).toEqual({ rejectUnauthorized: true, ca: "-----BEGIN CERTIFICATE-----\nTEST\n-----END CERTIFICATE-----\n" });
  });

  it("is what pg actually uses: its own URL parsing no longer overrides the mapping", () => {
    const client = new pg.Client(tlsConfig(`${BASE}?sslmode=require`));
    expect((client as unknown as { connectionParameters: { ssl: unknown } }).connectionParameters.ssl).toEqual({ rejectUnauthorized: false });
  });
});
