import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { signUp } from "./support/accounts";
import { query } from "./support/db";
import { workspaceId } from "./support/dashboard-data";
import { E2E } from "./support/ports";
import { serverEnv } from "./support/server-env";

// DESIGN.md §5: instances are stateless. An admin publishes through instance A; instance B, on the same
// PostgreSQL, stops serving its cached copy and returns the experience within a second (LISTEN/NOTIFY).
const second = `http://127.0.0.1:${E2E.secondAppPort}`;
let instanceB: ChildProcess;

test.beforeAll(async () => {
  instanceB = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(E2E.secondAppPort)], { env: serverEnv(), stdio: "ignore", detached: true });
  await expect.poll(async () => (await fetch(`${second}/api/ready`).catch(() => undefined))?.status, { timeout: 60_000 }).toBe(200);
});

test.afterAll(() => {
  if (instanceB.pid) process.kill(-instanceB.pid, "SIGTERM");
});

test("an experience published through instance A is resolved by instance B within one second", async ({ page }) => {
  page.on("dialog", (d) => d.accept());
  const admin = await signUp(page);
  const wsId = await workspaceId(admin.slug);
  const [{ public_key: key }] = await query<{ public_key: string }>("select public_key from workspaces where id = $1", [wsId]);
  const [{ id }] = await query<{ id: string }>(
    `insert into experiences (workspace_id, type, name, status, content) values ($1, 'banner', 'Launch banner', 'draft', $2) returning id`,
    [wsId, JSON.stringify({ body: "Reports are here", position: "top", dismissible: true, buttons: [] })],
  );
  const resolveOnB = async () => {
    const res = await fetch(`${second}/api/sdk/v1/resolve`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key, anonymousId: randomUUID(), url: "https://customer.example/" }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { experiences: Array<{ id: string }> }).experiences.map((e) => e.id);
  };
  expect(await resolveOnB()).toEqual([]); // B now holds the workspace in its cache

  await page.goto(`/w/${admin.slug}/experiences/${id}`);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("live", { exact: true })).toBeVisible();
  const published = Date.now();
  await expect.poll(resolveOnB, { timeout: 1_000, intervals: [50] }).toEqual([id]);
  expect(Date.now() - published).toBeLessThan(1_000);

  // And a pause through A takes it away on B.
  await page.getByRole("button", { name: "Pause" }).click();
  await expect.poll(resolveOnB, { timeout: 1_000, intervals: [50] }).toEqual([]);
});
