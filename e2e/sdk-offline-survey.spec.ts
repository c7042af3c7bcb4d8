import { expect, test, type Page } from "@playwright/test";
import { apiLink, type TApiLink } from "./support/api-link";
import { SURVEY } from "./support/dashboard-data";
import { query } from "./support/db";
import { E2E } from "./support/ports";
import { eventTypes, liveExperience, sdkWorkspace, storedAnonymousId } from "./support/sdk-host";

// A survey answered while Herald's API cannot be reached from the browser (only Herald: the customer's
// page still loads, and so does the script, as from a cache), the page reloaded while it still
// cannot, then the API back with its first answer lost on the way: the answers are stored exactly
// once. e2e/sdk-transport.spec.ts covers tracked events offline; this is about survey_responses.

type TQueued = { id: string; type: string };
const queued = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem("herald.queue") ?? "[]") as TQueued[]);
const queuedAnswers = async (page: Page) => (await queued(page)).filter((e) => e.type === "answer").map((e) => e.id);

/** The customer's page with Herald reached through `link`; waits for the SDK's first /resolve answer. */
async function openThrough(page: Page, link: TApiLink, key: string) {
  const resolved = page.waitForResponse((r) => r.url().endsWith("/api/sdk/v1/resolve"));
  await page.goto(`${E2E.hostUrl}/?key=${key}&app=${encodeURIComponent(link.url)}`);
  const res = await resolved;
  expect(res.status()).toBe(200);
  return (await res.json()) as { experiences: { id: string }[] };
}

let link: TApiLink;
test.beforeEach(async () => {
  link = await apiLink();
});
test.afterEach(() => link.close());

test("a survey answered while the API is unreachable, across a reload, reaches survey_responses exactly once when it is back", async ({ page }) => {
  test.setTimeout(120_000); // the SDK's backoff doubles with every failed attempt
  const ws = await sdkWorkspace(page);
  const survey = await liveExperience(ws.id, { type: "survey", content: SURVEY });
  await openThrough(page, link, ws.publicKey);
  const card = page.getByRole("dialog", { name: "How are we doing?" });
  await expect(card).toContainText("Question 1 of 2");
  const anonymousId = await storedAnonymousId(page);
  const answers = () =>
    query<{ question_id: string; answer: unknown; client_event_id: string }>(
      `select r.question_id, r.answer, r.client_event_id from survey_responses r join end_users u on u.id = r.end_user_id
       where r.experience_id = $1 and u.anonymous_id = $2 order by r.question_id`,
      [survey, anonymousId],
    );

  // Unreachable: the end user answers; the SDK keeps the answers queued and keeps trying.
  link.set("down");
  await card.getByRole("button", { name: "9", exact: true }).click();
  await card.getByRole("button", { name: "Next" }).click();
  await card.getByRole("textbox", { name: "What should we improve?" }).fill("Offline-proof exports");
  await card.getByRole("button", { name: "Submit" }).click();
  await expect(card.getByRole("status")).toHaveText("Thanks!");
  await expect.poll(() => link.eventPosts().arrived, { timeout: 5_000 }).toBeGreaterThan(0);
  const answerIds = await queuedAnswers(page);
  expect(answerIds).toHaveLength(2);

  // Reloaded, still unreachable (the page-hide beacon does not get through either): the queue is kept and retried.
  const triedBefore = link.eventPosts().arrived;
  await page.reload();
  await expect.poll(() => link.eventPosts().arrived, { timeout: 10_000 }).toBeGreaterThan(triedBefore + 1); // beacon, then a retry
  expect(await queuedAnswers(page)).toEqual(answerIds);
  await expect(card).toHaveCount(0);
  expect(link.eventPosts().forwarded).toBe(0);
  expect(await answers()).toEqual([]);

  // Back, but the first batch's answer is lost after Herald stored it: the SDK sends it again, by itself.
  link.set("lose-next-answer");
  await expect.poll(() => queued(page), { timeout: 45_000 }).toEqual([]);
  expect(link.eventPosts().forwarded).toBeGreaterThanOrEqual(2);
  const stored = [
    { question_id: "nps", answer: 9, client_event_id: answerIds[0] },
    { question_id: "why", answer: "Offline-proof exports", client_event_id: answerIds[1] },
  ];
  expect(await answers()).toEqual(stored);
  expect(await eventTypes(survey)).toEqual(["complete", "view"]);

  // Another reload: nothing is stored twice, and the answered survey does not come back.
  const resolved = await openThrough(page, link, ws.publicKey);
  expect(resolved.experiences.map((e) => e.id)).not.toContain(survey);
  await expect(card).toHaveCount(0);
  expect(await answers()).toEqual(stored);
  expect(await eventTypes(survey)).toEqual(["complete", "view"]);
});
