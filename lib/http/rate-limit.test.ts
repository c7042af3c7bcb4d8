import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("rate limiter", () => {
  it("allows `limit` requests per key and window, then refuses until the window ends", () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 1000 });
    expect([1, 2, 3, 4].map(() => limiter.take("ws", 0))).toEqual([true, true, true, false]);
    expect(limiter.take("other", 10)).toBe(true);
    expect(limiter.retryAfterSeconds("ws", 500)).toBe(1);
    expect(limiter.take("ws", 1000)).toBe(true);
  });
});
