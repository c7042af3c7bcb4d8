import { expect, test } from "@playwright/test";
import { query } from "./support/db";
import { hostUrl, openHost, sdkWorkspace } from "./support/sdk-host";

// Events survive faults: kept in localStorage (herald.queue) while the network is down and sent on a
// later page load; a beacon on page hide is confirmed by a later fetch and stored once.

const tracked = (wsId: string) => query<{ name: string }>("select name from experience_events where workspace_id = $1 and type = 'track'", [wsId]);
const queued = (page: import("@playwright/test").Page) => page.evaluate(() => JSON.parse(localStorage.getItem("herald.queue") ?? "[]") as { type: string; name?: string }[]);

test("events tracked offline stay queued across a reload and are sent once the network is back", async ({ page, context }) => {
  const ws = await sdkWorkspace(page);
  await openHost(page, ws.publicKey);
  await context.setOffline(true);
  await page.getByRole("button", { name: "Track event" }).click();
  await expect.poll(() => queued(page), { timeout: 5_000 }).toEqual([expect.objectContaining({ type: "track", name: "exported-report" })]);
  await page.waitForTimeout(1_500); // the first send (after ~1 s) fails and is rescheduled
  expect(await queued(page)).toHaveLength(1);
  await page.close(); // the page-hide beacon cannot get through either
  expect(await tracked(ws.id)).toEqual([]);

  await context.setOffline(false);
  const next = await context.newPage();
  await next.goto(hostUrl(ws.publicKey));
  await expect.poll(() => tracked(ws.id)).toEqual([{ name: "exported-report" }]);
  await expect.poll(() => next.evaluate(() => localStorage.getItem("herald.queue"))).toBeNull();
});

test("an event sent by the page-hide beacon is resent on the next load and stored once", async ({ page }) => {
  const ws = await sdkWorkspace(page);
  await openHost(page, ws.publicKey);
  await page.getByRole("button", { name: "Track event" }).click();
  await page.goto("about:blank"); // before the batch's short delay: only the beacon carries it
  await expect.poll(() => tracked(ws.id)).toEqual([{ name: "exported-report" }]);
  await openHost(page, ws.publicKey);
  await expect.poll(() => page.evaluate(() => localStorage.getItem("herald.queue"))).toBeNull();
  expect(await tracked(ws.id)).toEqual([{ name: "exported-report" }]);
});
