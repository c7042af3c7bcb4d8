// A fixed-window request counter per key (e.g. a workspace), held in memory. It stores only the key
// and a number, never who called: public endpoints are limited without tracking readers.
export function createRateLimiter(opts: { limit: number; windowMs: number; maxKeys?: number }) {
  const windows = new Map<string, { start: number; n: number }>();
  const maxKeys = opts.maxKeys ?? 10_000;
  return {
    /** true when the request is allowed; false once `limit` is reached in the current window. */
    take(key: string, now = Date.now()): boolean {
      let w = windows.get(key);
      if (!w || now - w.start >= opts.windowMs) {
        // Bounded memory: forget every window when too many keys pile up.
        if (!w && windows.size >= maxKeys) windows.clear();
        w = { start: now, n: 0 };
        windows.set(key, w);
      }
      w.n += 1;
      return w.n <= opts.limit;
    },
    retryAfterSeconds(key: string, now = Date.now()): number {
      const w = windows.get(key);
      return w ? Math.max(1, Math.ceil((w.start + opts.windowMs - now) / 1000)) : 1;
    },
  };
}
