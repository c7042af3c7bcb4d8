import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { watchShutdown } from "@/lib/http/shutdown";
import { sdkJson, sdkRoute } from "./public-route";
import { post } from "./test-helpers";

const route = sdkRoute("test", z.object({ key: z.string() }).strict(), 1024, async () => sdkJson({ ok: true }));
const nextListener = () => {}; // `next start`'s own SIGTERM listener
let unwatch = () => {};
afterEach(() => {
  unwatch();
  process.off("SIGTERM", nextListener);
});

describe("sdkRoute while the instance stops", () => {
  it("keeps connections open normally, and from SIGTERM on asks every client to close its own once answered", async () => {
    process.on("SIGTERM", nextListener);
    unwatch = watchShutdown();
    const before = await route(post("/api/sdk/v1/test", { key: "pk_nobody" }));
    expect(before.status).toBe(404);
    expect(before.headers.get("connection")).toBeNull();
    process.emit("SIGTERM", "SIGTERM");
    for (const body of [{ key: "pk_nobody" }, { nope: 1 }]) {
      const res = await route(post("/api/sdk/v1/test", body));
      expect([404, 400]).toContain(res.status); // still answered in full
      expect(res.headers.get("connection")).toBe("close");
    }
  });
});
