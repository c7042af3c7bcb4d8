import { afterEach, describe, expect, it, vi } from "vitest";
import { formatLine, log, redact, requestLogger } from "./log";

afterEach(() => vi.restoreAllMocks());

describe("log", () => {
  it("redacts fields named like personal data or secrets, at any depth", () => {
    const out = redact({
      event: "x",
      email: "a@b.co",
      user: { password: "hunter2", apiKey: "sk_live_1", name: "Ada", plan: "pro" },
      headers: { authorization: "Bearer t", "user-agent": "Mozilla", "x-forwarded-for": "1.2.3.4" },
      card: { last4: "4242" },
      list: [{ sessionToken: "abc" }],
    });
    expect(out).toEqual({
      event: "x",
      email: "[redacted]",
      user: { password: "[redacted]", apiKey: "[redacted]", name: "[redacted]", plan: "pro" },
      headers: { authorization: "[redacted]", "user-agent": "[redacted]", "x-forwarded-for": "[redacted]" },
      card: "[redacted]",
      list: [{ sessionToken: "[redacted]" }],
    });
  });

  it("masks email and IP addresses inside any string, including error messages", () => {
    expect(redact("invite to ada@example.com from 10.0.0.12 / fe80:0:0:0:1:2:3:4")).toBe("invite to [email] from [ip] / [ip]");
    expect(redact(new Error("No account uses bob@example.org"))).toEqual({ name: "Error", message: "No account uses [email]" });
  });

  it("never writes the installation's secrets: key-named settings and URL credentials", () => {
    expect(redact({ HERALD_DATA_KEY: "a", HERALD_BACKUP_KEY: "b", HERALD_DATA_KEYS_OLD: "c", AUTH_SECRET: "d", publicKey: "pk_1" }))
      .toEqual({ HERALD_DATA_KEY: "[redacted]", HERALD_BACKUP_KEY: "[redacted]", HERALD_DATA_KEYS_OLD: "[redacted]", AUTH_SECRET: "[redacted]", publicKey: "pk_1" });
    expect(redact("connect to postgres://herald:s3cret@db.example.com:5432/herald failed; smtp://u:p@mail.test"))
      .toBe("connect to postgres://[redacted]@db.example.com:5432/herald failed; smtp://[redacted]@mail.test");
  });

  it("writes one JSON line with time, level, event and the bound request id", () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    requestLogger(new Headers({ "x-request-id": "req-123" })).info("sign_in", { ms: 12, email: "x@y.z" });
    const line = String(write.mock.calls[0][0]);
    expect(line.endsWith("\n")).toBe(true);
    expect(JSON.parse(line)).toMatchObject({ level: "info", event: "sign_in", requestId: "req-123", ms: 12, email: "[redacted]" });
    expect(line).not.toContain("x@y.z");
  });

  it("ignores a malformed request id and sends errors to stderr", () => {
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    requestLogger(new Headers({ "x-request-id": "<script>" })).error("boom");
    expect(JSON.parse(String(err.mock.calls[0][0]))).not.toHaveProperty("requestId");
    expect(formatLine("warn", "e", {}, new Date(0))).toBe('{"time":"1970-01-01T00:00:00.000Z","level":"warn","event":"e"}');
    expect(log.child({ a: 1 })).toHaveProperty("info");
  });
});
