// Fixed-window request counters per key (a workspace), for the public endpoints. They count only the
// key and a number, never who called. Per instance in memory by default; shared by every instance
// through Redis when REDIS_URL is set (lib/http/redis.ts). If Redis fails, this instance's own
// counter answers, so that a Redis outage never takes the API down with it.
import { redisClient } from "./redis";

export type TRateDecision = { ok: boolean; retryAfterSeconds: number };
export type TRateLimiter = { take(key: string, now?: number): Promise<TRateDecision> };
type Options = { name: string; limit: number; windowMs: number; maxKeys?: number };

export function createMemoryLimiter(opts: Options) {
  const windows = new Map<string, { start: number; n: number }>();
  const maxKeys = opts.maxKeys ?? 10_000;
  return {
    take(key: string, now = Date.now()): TRateDecision {
      let w = windows.get(key);
      if (!w || now - w.start >= opts.windowMs) {
        // Bounded memory: forget every window when too many keys pile up.
        if (!w && windows.size >= maxKeys) windows.clear();
        w = { start: now, n: 0 };
        windows.set(key, w);
      }
      w.n += 1;
      return { ok: w.n <= opts.limit, retryAfterSeconds: Math.max(1, Math.ceil((w.start + opts.windowMs - now) / 1000)) };
    },
  };
}

export function createRateLimiter(opts: Options): TRateLimiter {
  const local = createMemoryLimiter(opts);
  return {
    async take(key, now = Date.now()) {
      const redis = await redisClient();
      if (!redis) return local.take(key, now);
      const window = Math.floor(now / opts.windowMs);
      const slot = `herald:rl:${opts.name}:${key}:${window}`;
      try {
        const [[, count]] = (await redis.multi().incr(slot).pexpire(slot, opts.windowMs).exec()) as [[unknown, number], unknown];
        return { ok: count <= opts.limit, retryAfterSeconds: Math.max(1, Math.ceil(((window + 1) * opts.windowMs - now) / 1000)) };
      } catch {
        return local.take(key, now);
      }
    },
  };
}
