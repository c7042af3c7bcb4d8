import { describe, expect, it } from "vitest";
import type pg from "pg";
import { answersWithin } from "./cache-invalidation";

describe("the listening connection's heartbeat", () => {
  it("tells a connection that answers from one that hangs or fails", async () => {
    const answering = { query: async () => ({ rows: [{ "?column?": 1 }] }) } as unknown as Pick<pg.Client, "query">;
    const hanging = { query: () => new Promise(() => {}) } as unknown as Pick<pg.Client, "query">;
    const failing = { query: async () => Promise.reject(new Error("Connection terminated")) } as unknown as Pick<pg.Client, "query">;
    expect(await answersWithin(answering, 200)).toBe(true);
    expect(await answersWithin(hanging, 50)).toBe(false);
    expect(await answersWithin(failing, 200)).toBe(false);
  });
});
