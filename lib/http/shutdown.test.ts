import { afterEach, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { closeWhenDraining, shuttingDown, watchShutdown } from "./shutdown";

// `next start` has its own SIGTERM listener (it closes the server and waits); this stands in for it.
const nextListener = () => {};
let unwatch = () => {};
afterEach(() => {
  unwatch();
  process.off("SIGTERM", nextListener);
});

describe("shutdown", () => {
  it("from SIGTERM on, marks the instance as stopping and asks clients to close their connection", () => {
    process.on("SIGTERM", nextListener);
    unwatch = watchShutdown();
    expect(shuttingDown()).toBe(false);
    expect(closeWhenDraining(Response.json({})).headers.get("connection")).toBeNull();
    process.emit("SIGTERM", "SIGTERM");
    expect(shuttingDown()).toBe(true);
    expect(closeWhenDraining(Response.json({})).headers.get("connection")).toBe("close");
  });

  it("does not keep alive a process in which nobody else handles the signal", () => {
    const script = `require("./lib/http/shutdown.ts").shuttingDown(); process.kill(process.pid, "SIGTERM"); setTimeout(() => console.log("still alive"), 3000);`;
    const child = spawnSync(process.execPath, ["--import", "tsx", "--eval", script], { encoding: "utf8", timeout: 20_000 });
    expect(child.stdout).not.toContain("still alive");
    expect(child.signal).toBe("SIGTERM");
  });
});
