import { afterEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { Socket } from "node:net";
import { createMemoryLimiter, createRateLimiter } from "./rate-limit";
import { closeRedis } from "./redis";

const REDIS_URL = process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379";

function redisAnswers(): Promise<boolean> {
  const { hostname, port } = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const socket = new Socket().setTimeout(500);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false)).once("timeout", () => (socket.destroy(), resolve(false)));
    socket.connect(Number(port || 6379), hostname);
  });
}

describe("rate limiter", () => {
  afterEach(async () => {
    delete process.env.REDIS_URL;
    await closeRedis();
  });

  it("allows `limit` requests per key and window in memory, then refuses until the window ends", async () => {
    const memory = createMemoryLimiter({ name: "t", limit: 3, windowMs: 1000 });
    expect([1, 2, 3, 4].map(() => memory.take("ws", 0).ok)).toEqual([true, true, true, false]);
    expect(memory.take("other", 10).ok).toBe(true);
    expect(memory.take("ws", 500)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(memory.take("ws", 1000).ok).toBe(true);
    const limiter = createRateLimiter({ name: "t", limit: 1, windowMs: 60_000 });
    expect([(await limiter.take("a")).ok, (await limiter.take("a")).ok]).toEqual([true, false]);
  });

  it("shares one counter between instances through Redis when REDIS_URL is set", async (ctx) => {
    if (!(await redisAnswers())) ctx.skip(); // CI and these machines run Redis; a bare laptop may not
    process.env.REDIS_URL = REDIS_URL;
    const name = `test-${randomUUID()}`;
    // Two limiters stand for two instances: each alone would allow 2, together they allow 2.
    const a = createRateLimiter({ name, limit: 2, windowMs: 60_000 });
    const b = createRateLimiter({ name, limit: 2, windowMs: 60_000 });
    const decisions = [await a.take("ws"), await b.take("ws"), await a.take("ws")];
    expect(decisions.map((d) => d.ok)).toEqual([true, true, false]);
    expect(decisions[2].retryAfterSeconds).toBeGreaterThan(0);
  });

  it("falls back to this instance's counter when Redis cannot be reached", async () => {
    process.env.REDIS_URL = "redis://127.0.0.1:1"; // nothing listens there
    const limiter = createRateLimiter({ name: "down", limit: 1, windowMs: 60_000 });
    expect((await limiter.take("ws")).ok).toBe(true);
    expect((await limiter.take("ws")).ok).toBe(false);
  });
});
