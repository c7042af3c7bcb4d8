import { expect, test, type Page } from "@playwright/test";
import { createHmac } from "node:crypto";
import { encryptForTest, insertSegment, SURVEY } from "./support/dashboard-data";
import { query } from "./support/db";
import { endUserOf, eventTypes, liveExperience, openHost, sdkWorkspace, storedAnonymousId } from "./support/sdk-host";

// The SDK (public/sdk.js) in real Chromium on a customer's page (e2e/host/, another origin), against
// the real API and database.

/** Whether keyboard focus is inside Herald's dialog (in its shadow root). */
const focusInDialog = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector("herald-root");
    return document.activeElement === host && Boolean(host?.shadowRoot?.activeElement?.closest("[role=dialog]"));
  });

test("an anonymous visitor sees the announcement for everyone, not the one for paying customers, until setAttributes says plan = paying", async ({ page }) => {
  const ws = await sdkWorkspace(page);
  const paying = await insertSegment(ws.id, "Paying customers");
  const everyone = await liveExperience(ws.id, { type: "announcement", priority: 1, content: { title: "Welcome to Acme", body: "Hello **everyone**.", buttons: [{ label: "Got it", action: "complete" }] } });
  const perk = await liveExperience(ws.id, { type: "announcement", priority: 5, frequency: "until_completed", segmentId: paying, content: { title: "A perk for paying customers", body: "Thanks!", buttons: [] } });

  await openHost(page, ws.publicKey);
  const welcome = page.getByRole("dialog", { name: "Welcome to Acme" });
  await expect(welcome).toBeVisible();
  await expect(welcome.locator("strong")).toHaveText("everyone");
  await expect(page.getByRole("dialog", { name: "A perk for paying customers" })).toHaveCount(0);
  const anonymousId = await storedAnonymousId(page);
  await welcome.getByRole("button", { name: "Got it" }).click();
  await expect(welcome).toHaveCount(0);
  await expect.poll(() => eventTypes(everyone)).toEqual(["complete", "view"]);
  expect(await eventTypes(perk)).toEqual([]);
  expect(await endUserOf(ws.id, anonymousId)).toMatchObject({ external_id: null, attributes: {} });

  // The attribute reaches the server with the next resolve (this page view), and is kept for the next ones.
  await page.getByRole("button", { name: "Set plan: paying" }).click();
  const perkDialog = page.getByRole("dialog", { name: "A perk for paying customers" });
  await expect(perkDialog).toBeVisible();
  expect((await endUserOf(ws.id, anonymousId)).attributes).toEqual({ plan: "paying" });
  await page.reload();
  await expect(perkDialog).toBeVisible();
  await expect(welcome).toHaveCount(0);
  expect(await storedAnonymousId(page)).toBe(anonymousId);
  expect(JSON.parse((await page.evaluate(() => sessionStorage.getItem("herald.session")))!).sort()).toEqual([everyone, perk].sort());
});

test("a tour walks two anchored steps and completes", async ({ page }) => {
  const ws = await sdkWorkspace(page);
  const tour = await liveExperience(ws.id, {
    type: "tour",
    content: {
      steps: [
        { id: "create", selector: "#step-one", title: "Create a dashboard", body: "Start **here**.", placement: "bottom" },
        { id: "share", selector: "#step-two", title: "Share it", body: "Invite your team.", placement: "top" },
      ],
    },
  });
  await openHost(page, ws.publicKey);
  const first = page.getByRole("dialog", { name: "Create a dashboard" });
  await expect(first).toContainText("Step 1 of 2");
  const anchor = (await page.locator("#step-one").boundingBox())!;
  const popover = (await first.boundingBox())!;
  expect(popover.y).toBeGreaterThanOrEqual(anchor.y + anchor.height); // beside (below) its element
  await expect(first.getByRole("button", { name: "Next" })).toBeFocused();
  await first.getByRole("button", { name: "Next" }).click();

  const second = page.getByRole("dialog", { name: "Share it" });
  await expect(second).toContainText("Step 2 of 2");
  await expect(page.locator("#step-two")).toBeInViewport(); // scrolled into view
  await second.getByRole("button", { name: "Back" }).click();
  await expect(first).toBeVisible();
  await first.getByRole("button", { name: "Next" }).click();
  await second.getByRole("button", { name: "Done" }).click();
  await expect(second).toHaveCount(0);
  await expect.poll(() => eventTypes(tour)).toEqual(["complete", "step:0", "step:1", "view"]);
});

test("a hint opens beside its element with Enter, closes with Escape, and stays hidden while its element is missing", async ({ page }) => {
  const ws = await sdkWorkspace(page);
  const hint = await liveExperience(ws.id, { type: "hint", content: { selector: "#help-button", title: "Need help?", body: "Our docs answer most questions.", placement: "auto" } });
  await liveExperience(ws.id, { type: "hint", content: { selector: "#not-on-this-page", title: "Lost hint", body: "Nobody sees this.", placement: "auto" } });
  await openHost(page, ws.publicKey);
  const beacon = page.getByRole("button", { name: "Need help?" });
  await expect(beacon).toBeVisible();
  await expect(page.getByRole("button", { name: "Lost hint" })).toBeHidden();
  await page.locator("#help-button").scrollIntoViewIfNeeded();
  // On the element's top-right corner, following it as the page scrolls.
  const offset = async () => {
    const [target, dot] = [(await page.locator("#help-button").boundingBox())!, (await beacon.boundingBox())!];
    return Math.round(Math.abs(dot.x + dot.width / 2 - (target.x + target.width)) + Math.abs(dot.y + dot.height / 2 - target.y));
  };
  await expect.poll(offset).toBeLessThan(4);
  await beacon.focus();
  await page.keyboard.press("Enter");
  const popover = page.getByRole("dialog", { name: "Need help?" });
  await expect(popover).toContainText("Our docs answer most questions.");
  await expect(beacon).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Escape");
  await expect(popover).toBeHidden();
  await expect(beacon).toBeFocused();
  await expect.poll(() => eventTypes(hint)).toEqual(["click", "view"]);
});

test("a two-question survey: one question at a time, answers stored for the anonymous end user", async ({ page }) => {
  const ws = await sdkWorkspace(page);
  const survey = await liveExperience(ws.id, { type: "survey", content: SURVEY });
  await openHost(page, ws.publicKey);
  const card = page.getByRole("dialog", { name: "How are we doing?" });
  await expect(card).toContainText("Question 1 of 2");
  await expect(card.getByRole("button", { name: "Next" })).toBeDisabled(); // required
  await card.getByRole("button", { name: "9", exact: true }).click();
  await expect(card.getByRole("button", { name: "9", exact: true })).toHaveAttribute("aria-pressed", "true");
  await card.getByRole("button", { name: "Next" }).click();
  await expect(card).toContainText("Question 2 of 2");
  await card.getByRole("textbox", { name: "What should we improve?" }).fill("Faster <b>exports</b>");
  await card.getByRole("button", { name: "Submit" }).click();
  await expect(card.getByRole("status")).toHaveText("Thanks!");

  const anonymousId = await storedAnonymousId(page);
  const answers = () =>
    query<{ question_id: string; answer: unknown }>(
      `select r.question_id, r.answer from survey_responses r join end_users u on u.id = r.end_user_id
       where r.experience_id = $1 and u.anonymous_id = $2 order by r.question_id`,
      [survey, anonymousId],
    );
  await expect.poll(answers).toEqual([{ question_id: "nps", answer: 9 }, { question_id: "why", answer: "Faster <b>exports</b>" }]);
  await expect.poll(() => eventTypes(survey)).toEqual(["complete", "view"]);
});

test("a dismissed banner stays dismissed after a reload", async ({ page }) => {
  const ws = await sdkWorkspace(page);
  const banner = await liveExperience(ws.id, { type: "banner", frequency: "until_completed", content: { body: "Maintenance on **Sunday** from 2:00 UTC.", position: "top", dismissible: true, buttons: [] } });
  await openHost(page, ws.publicKey);
  const bar = page.getByRole("region", { name: "Announcement" });
  await expect(bar).toContainText("Maintenance on Sunday from 2:00 UTC.");
  await expect(page.getByRole("dialog")).toHaveCount(0); // a banner takes no focus and blocks nothing
  await bar.getByRole("button", { name: "Dismiss" }).click();
  await expect(bar).toHaveCount(0);
  await expect.poll(() => eventTypes(banner)).toEqual(["dismiss", "view"]);
  const answer = await openHost(page, ws.publicKey);
  expect(answer.experiences).toEqual([]);
  await expect(bar).toHaveCount(0);
});

test("identify: a wrong userHash is refused and stores nothing; the right one ties answers and events to the identified user", async ({ page }) => {
  const ws = await sdkWorkspace(page);
  // The identity secret is stored encrypted: set a known one, encrypted with the e2e server's data key.
  const secret = "e2e-identity-secret-0123456789";
  await query("update workspaces set identity_verification = true, identity_secret_enc = $2 where id = $1", [ws.id, encryptForTest(secret)]);
  const survey = await liveExperience(ws.id, { type: "survey", content: SURVEY });
  await openHost(page, ws.publicKey);
  const card = page.getByRole("dialog", { name: "How are we doing?" });
  await expect(card).toBeVisible();
  const anonymousId = await storedAnonymousId(page);
  const form = page.getByRole("form", { name: "Identify" });

  const identify = async (userHash: string) => {
    await form.getByLabel("User hash").fill(userHash);
    const response = page.waitForResponse((r) => r.url().endsWith("/api/sdk/v1/identify"));
    await form.getByRole("button", { name: "Identify" }).click();
    return (await response).status();
  };
  expect(await identify("0".repeat(64))).toBe(401);
  expect(await query("select external_id from end_users where workspace_id = $1", [ws.id])).toEqual([{ external_id: null }]);
  expect(await query("select 1 from end_user_identities where workspace_id = $1", [ws.id])).toEqual([]);

  expect(await identify(createHmac("sha256", secret).update("user-42").digest("hex"))).toBe(200);
  const user = await endUserOf(ws.id, anonymousId);
  expect(user.external_id).toBe("user-42");
  const identities = await query<{ email_enc: string; name_enc: string; email_hash: string }>("select email_enc, name_enc, email_hash from end_user_identities where end_user_id = $1", [user.id]);
  expect(identities).toHaveLength(1);
  expect(JSON.stringify(identities)).not.toMatch(/ada@customer\.example|Ada Park/);
  expect(identities[0].email_hash).toMatch(/^[0-9a-f]{64}$/);

  await card.getByRole("button", { name: "10", exact: true }).click();
  await card.getByRole("button", { name: "Next" }).click();
  await card.getByRole("button", { name: "Submit" }).click(); // the second question is optional
  await page.getByRole("button", { name: "Track event" }).click();
  const ofIdentified = (sql: string) => query(sql, [ws.id]);
  await expect
    .poll(() => ofIdentified("select r.question_id, r.answer from survey_responses r join end_users u on u.id = r.end_user_id where r.workspace_id = $1 and u.external_id = 'user-42'"))
    .toEqual([{ question_id: "nps", answer: 10 }]);
  await expect
    .poll(() => ofIdentified("select e.type, e.name from experience_events e join end_users u on u.id = e.end_user_id where e.workspace_id = $1 and u.external_id = 'user-42' and e.type in ('track', 'complete') order by e.type"))
    .toEqual([{ type: "complete", name: null }, { type: "track", name: "exported-report" }]);
  expect(await eventTypes(survey)).toEqual(["complete", "view"]);
});

test("keyboard: an announcement opened by an SPA navigation traps focus, Escape dismisses it and focus returns; its Markdown stays inert", async ({ page }) => {
  page.on("dialog", (d) => {
    throw new Error(`A script ran: ${d.message()}`);
  });
  const ws = await sdkWorkspace(page);
  const announcement = await liveExperience(ws.id, {
    type: "announcement",
    trigger: { match: "prefix", url: "/app/reports" },
    content: {
      title: "Scheduled reports",
      body: "Read [the guide](https://example.com/guide) or [this](javascript:alert(1)).\n<img src=x onerror=alert(1)> <script>alert(2)</script>",
      buttons: [{ label: "Try it", action: "link", url: "/app/reports/new" }, { label: "Later", action: "dismiss" }],
    },
  });
  const first = await openHost(page, ws.publicKey);
  expect(first.experiences).toEqual([]); // the trigger does not match "/"
  const reports = page.getByRole("button", { name: "Reports" });
  await reports.focus();
  await page.keyboard.press("Enter"); // history.pushState to /app/reports

  const dialog = page.getByRole("dialog", { name: "Scheduled reports" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute("aria-modal", "true");
  await expect(dialog.getByRole("button", { name: "Try it" })).toBeFocused();
  const names: string[] = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press(i < 4 ? "Tab" : "Shift+Tab");
    expect(await focusInDialog(page)).toBe(true);
    names.push(await page.evaluate(() => document.querySelector("herald-root")!.shadowRoot!.activeElement!.textContent!));
  }
  expect(names).toEqual(["Later", "×", "the guide", "Try it", "the guide", "×"]);

  await expect(dialog.getByRole("link", { name: "the guide" })).toHaveAttribute("href", "https://example.com/guide");
  await expect(dialog.getByRole("link", { name: "the guide" })).toHaveAttribute("rel", "noopener noreferrer");
  await expect(dialog.getByRole("link")).toHaveCount(1);
  await expect(dialog).toContainText("[this](javascript:alert(1)).");
  await expect(dialog).toContainText("<img src=x onerror=alert(1)> <script>alert(2)</script>");
  await expect(dialog.locator("img, script")).toHaveCount(0);

  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(reports).toBeFocused();
  await expect.poll(() => eventTypes(announcement)).toEqual(["dismiss", "view"]);
});
