import { expect, test, type Page } from "@playwright/test";
import { createHmac } from "node:crypto";
import { encryptForTest } from "./support/dashboard-data";
import { query } from "./support/db";
import { hostUrl, liveExperience, openHost, sdkWorkspace, storedAnonymousId } from "./support/sdk-host";

// A checklist on the customer's page (e2e/host/): progress kept per end user on the server, so that it
// survives a reload and, once identified, reaches the same person's second browser.

const SECRET = "e2e-identity-secret-checklist";

/** What the checklist says it has done ("2 of 3 done"), opening it first if it is minimised. */
async function progress(page: Page): Promise<string> {
  const pill = page.getByRole("button", { name: /Open checklist: Get started/ });
  const card = page.getByRole("region", { name: "Get started" });
  await expect(pill.or(card)).toBeVisible();
  if (await pill.isVisible()) await pill.click();
  return (await card.locator("p.sm").textContent()) ?? "";
}

async function identify(page: Page) {
  const form = page.getByRole("form", { name: "Identify" });
  const hash = form.getByLabel("User hash");
  await hash.fill(createHmac("sha256", SECRET).update("user-42").digest("hex"));
  const response = page.waitForResponse((r) => r.url().endsWith("/api/sdk/v1/identify"));
  await hash.press("Enter"); // submits the form (its button may sit under the checklist card in the corner)
  expect((await response).status()).toBe(200);
}

test("a three-task checklist: a tracked event and a finished tour complete two tasks, kept across a reload and, once identified, on a second device", async ({ page, browser }) => {
  const ws = await sdkWorkspace(page);
  await query("update workspaces set identity_verification = true, identity_secret_enc = $2 where id = $1", [ws.id, encryptForTest(SECRET)]);
  // The tour only shows when started from the checklist (its trigger names a page nobody visits).
  const tour = await liveExperience(ws.id, {
    type: "tour",
    trigger: { match: "exact", url: "/app/never" },
    content: { title: "Quick tour", steps: [{ id: "one", selector: "#step-one", title: "Your first dashboard", body: "Start here.", placement: "bottom" }] },
  });
  const checklist = await liveExperience(ws.id, {
    type: "checklist",
    content: {
      title: "Get started",
      tasks: [
        { id: "export", label: "Export a report", completeWhen: { kind: "event", name: "exported-report" } },
        { id: "tour", label: "Take the quick tour", completeWhen: { kind: "experience_completed", experienceId: tour }, action: { kind: "start_tour", experienceId: tour } },
        { id: "invite", label: "Invite your team", description: "Open Settings, then Team.", completeWhen: { kind: "url", match: "prefix", url: "/app/team" } },
      ],
      celebration: "You are all set!",
    },
  });

  await openHost(page, ws.publicKey);
  const card = page.getByRole("region", { name: "Get started" });
  await expect(card).toBeVisible();
  await expect(card).toContainText("0 of 3 done");
  await expect(card.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0");
  await expect(page.getByRole("dialog")).toHaveCount(0); // the checklist takes no focus and blocks nothing
  const anonymousId = await storedAnonymousId(page);

  // A tracked event ticks its task at once; the server records it from the track event itself.
  await page.getByRole("button", { name: "Track event" }).click();
  await expect(card).toContainText("1 of 3 done");
  await expect(card.getByRole("listitem").first()).toContainText("Export a report (done)");

  // The tour task starts the tour; finishing it completes the task.
  await card.getByRole("button", { name: /Take the quick tour/ }).click();
  const step = page.getByRole("dialog", { name: "Your first dashboard" });
  await expect(step).toBeVisible();
  await step.getByRole("button", { name: "Done" }).click();
  await expect(step).toHaveCount(0);
  expect(await progress(page)).toBe("2 of 3 done");

  const state = () =>
    query<{ done_tasks: string[] }>(
      `select s.done_tasks from experience_user_state s join end_users u on u.id = s.end_user_id where s.experience_id = $1 and u.anonymous_id = $2`,
      [checklist, anonymousId],
    );
  await expect.poll(state).toEqual([{ done_tasks: ["export"] }]);
  await expect
    .poll(() => query("select type from experience_events where experience_id = $1 and type = 'complete'", [tour]))
    .toEqual([{ type: "complete" }]);

  await page.reload();
  await expect.poll(() => progress(page)).toBe("2 of 3 done");
  await expect(page.getByRole("region", { name: "Get started" }).getByRole("listitem").nth(2)).toContainText("Invite your team (not done)");

  await identify(page);
  await expect.poll(() => query("select external_id from end_users where workspace_id = $1", [ws.id])).toEqual([{ external_id: "user-42" }]);

  // A second browser: a new anonymous id sees nothing done, until it identifies as the same user.
  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    const resolved = second.waitForResponse((r) => r.url().endsWith("/api/sdk/v1/resolve"));
    await second.goto(hostUrl(ws.publicKey));
    await resolved;
    const secondCard = second.getByRole("region", { name: "Get started" });
    await expect(secondCard).toContainText("0 of 3 done");
    expect(await storedAnonymousId(second)).not.toBe(anonymousId);
    await identify(second);
    await expect(secondCard).toContainText("2 of 3 done");
    await second.reload();
    await expect.poll(() => progress(second)).toBe("2 of 3 done");

    // The last task: a URL visit, matched in the browser (only the task id is sent).
    const sent: string[] = [];
    second.on("request", (r) => r.url().endsWith("/api/sdk/v1/events") && sent.push(r.postData() ?? ""));
    await second.evaluate(() => history.pushState({}, "", `/app/team${location.search}`));
    const done = second.getByRole("region", { name: "Get started" });
    await expect(done).toContainText("3 of 3 done");
    await expect(done.getByRole("status")).toHaveText("You are all set!");
    await expect.poll(() => query("select type from experience_events where experience_id = $1 and type in ('complete', 'task') order by type", [checklist])).toEqual([
      { type: "complete" },
      { type: "task" },
      { type: "task" },
    ]);
    expect(sent.join("\n")).not.toContain("/app/team");
  } finally {
    await other.close();
  }
});
