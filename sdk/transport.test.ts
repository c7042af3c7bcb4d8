// The event queue's fault handling, with fetch stubbed as the network (the e2e specs cover the real API).
// Node has no localStorage, so state.ts keeps the queue in memory here, as in a locked-down browser.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type Reply = { status: number; headers?: Record<string, string> } | "offline";

async function load(replies: Reply[]) {
  vi.resetModules();
  const calls: { at: number; events: { id: string; at: number; type: string }[] }[] = [];
  vi.stubGlobal("fetch", vi.fn(async (_url: string, init: { body: string }) => {
    calls.push({ at: Date.now(), events: JSON.parse(init.body).events });
    const reply = replies.shift() ?? { status: 200 };
    if (reply === "offline") throw new TypeError("Failed to fetch");
    return new Response("{}", { status: reply.status, headers: reply.headers });
  }));
  const state = await import("./state");
  Object.assign(state.cfg, { key: "pk_test1234", api: "https://herald.test" });
  const transport = await import("./transport");
  const queued = () => state.loadQueue().length;
  return { ...transport, calls, queued };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
  vi.spyOn(Math, "random").mockReturnValue(0);
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("event queue", () => {
  it("sends after a short delay in batches of at most 100, each event with a client id and time", async () => {
    const t = await load([]);
    for (let i = 0; i < 150; i++) t.enqueue({ type: "track", name: `e${i}` });
    await vi.advanceTimersByTimeAsync(999);
    expect(t.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.calls.map((c) => c.events.length)).toEqual([100, 50]);
    expect(new Set(t.calls.flatMap((c) => c.events.map((e) => e.id))).size).toBe(150);
    for (const e of t.calls[0].events) {
      expect(e.id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
      expect(e.at).toBe(1_000_000);
    }
    expect(t.queued()).toBe(0);
  });

  it("keeps the batch and retries with exponential backoff while offline or on 5xx", async () => {
    const t = await load(["offline", { status: 503 }, { status: 500 }]);
    t.enqueue({ type: "track", name: "export" });
    await vi.advanceTimersByTimeAsync(1000 + 1000 + 2000 + 4000);
    expect(t.calls.map((c) => c.at - 1_000_000)).toEqual([1000, 2000, 4000, 8000]);
    expect(new Set(t.calls.map((c) => c.events[0].id)).size).toBe(1); // the same event each time: the server dedupes
    expect(t.queued()).toBe(0);
  });

  it("waits at least Retry-After on 429", async () => {
    const t = await load([{ status: 429, headers: { "retry-after": "30" } }]);
    t.enqueue({ type: "track", name: "export" });
    await vi.advanceTimersByTimeAsync(1000 + 29_999);
    expect(t.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.calls).toHaveLength(2);
    expect(t.queued()).toBe(0);
  });

  it("drops a batch the server refuses with another 4xx (it can never succeed)", async () => {
    const t = await load([{ status: 400 }]);
    t.enqueue({ type: "track", name: "export" });
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.queued()).toBe(0);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(t.calls).toHaveLength(1);
  });
});
