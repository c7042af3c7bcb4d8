import { expect, test, type Page } from "@playwright/test";
import { signUp } from "./support/accounts";
import { query } from "./support/db";
import { insertAnswer, insertEndUser, insertSegment, insertSurvey, workspaceId } from "./support/dashboard-data";

async function seedWorkspace(slug: string) {
  const wsId = await workspaceId(slug);
  const segmentId = await insertSegment(wsId, "Paying");
  const surveyId = await insertSurvey(wsId, "Secret survey");
  const person = await insertEndUser(wsId, { identity: { email: "victim@example.com", name: "Victor Victim" }, externalId: "v-1" });
  await insertAnswer(wsId, surveyId, person.id, "nps", 9);
  return { wsId, segmentId, surveyId, endUserId: person.id, experienceId: surveyId };
}

/** Submits the form holding `button` on `url` after rewriting its hidden fields: a forged server action call. */
async function forge(page: Page, url: string, button: string, fields: Record<string, string>) {
  await page.goto(url);
  await page.evaluate(({ button, fields }) => {
    const btn = [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === button)!;
    const form = btn.closest("form")!;
    for (const [name, value] of Object.entries(fields)) {
      let input = form.querySelector<HTMLInputElement>(`input[name="${name}"]`);
      if (!input) {
        input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        form.append(input);
      }
      input.value = value;
    }
    form.requestSubmit(btn);
  }, { button, fields });
}

test("a member of workspace A gets 404 for every dashboard URL, export and action of workspace B", async ({ page, browser }) => {
  page.on("dialog", (d) => d.accept());
  const b = await signUp(page, { workspaceName: "Victim B" });
  const victim = await seedWorkspace(b.slug);
  const snapshot = async () => ({
    experiences: await query("select id, name, status, content, segment_id from experiences where workspace_id = $1 order by id", [victim.wsId]),
    segments: await query("select id, name, rules from segments where workspace_id = $1 order by id", [victim.wsId]),
    identities: await query("select end_user_id, email_enc from end_user_identities where workspace_id = $1", [victim.wsId]),
    workspace: await query("select name, slug, settings, identity_secret_enc, identity_verification from workspaces where id = $1", [victim.wsId]),
    audit: await query("select action from audit_log where workspace_id = $1", [victim.wsId]),
  });
  const before = await snapshot();

  const ctx = await browser.newContext();
  const pa = await ctx.newPage();
  pa.on("dialog", (d) => d.accept());
  const a = await signUp(pa, { workspaceName: "Attacker A" });
  const own = await seedWorkspace(a.slug);

  const ids = { experience: victim.experienceId, segment: victim.segmentId, survey: victim.surveyId, user: victim.endUserId };
  const sections = [
    "experiences", "experiences/new", "experiences/new?type=survey", `experiences/${ids.experience}`,
    "segments", "segments/new", `segments/${ids.segment}`,
    "surveys", `surveys/${ids.survey}`,
    "users", `users/${ids.user}`,
    "settings", "settings/identity", "settings/theme", "settings/privacy", "settings/audit", "settings/members",
  ];
  for (const path of sections) {
    const res = await pa.goto(`/w/${b.slug}/${path}`);
    expect(res?.status(), path).toBe(404);
    await expect(pa.getByText("Victim B")).toHaveCount(0);
  }
  // B's ids under A's own workspace: not found either.
  for (const path of [`experiences/${ids.experience}`, `segments/${ids.segment}`, `surveys/${ids.survey}`, `users/${ids.user}`]) {
    expect((await pa.goto(`/w/${a.slug}/${path}`))?.status(), path).toBe(404);
  }

  // Route handlers: exports and the match count.
  for (const url of [
    `/api/w/${b.slug}/surveys/export?survey=${ids.survey}`,
    `/api/w/${a.slug}/surveys/export?survey=${ids.survey}`,
    `/api/w/${b.slug}/users/export?id=${ids.user}`,
    `/api/w/${a.slug}/users/export?id=${ids.user}`,
  ]) {
    const res = await pa.request.get(url);
    expect(res.status(), url).toBe(404);
    expect(await res.text()).not.toContain("victim@example.com");
  }
  const count = await pa.request.post(`/api/w/${b.slug}/segments/match-count`, { data: { rules: { kind: "group", combinator: "and", children: [{ kind: "condition", attribute: "plan", operator: "is_set" }] } } });
  expect(count.status()).toBe(404);

  // Server actions, forged from A's own pages: with B's slug (the membership gate answers 404)…
  const ownExperience = `/w/${a.slug}/experiences/${own.experienceId}`;
  const payload = JSON.stringify({ name: "Hijacked", typed: { type: "survey", content: { questions: [{ id: "q", type: "text", prompt: "Hijacked?" }] } }, trigger: { match: "any" }, frequency: "once", priority: 0, segmentId: null });
  const forged: [string, string, Record<string, string>][] = [
    [ownExperience, "Pause", { id: ids.experience, move: "pause" }],
    [ownExperience, "Archive", { id: ids.experience, move: "archive" }],
    [ownExperience, "Duplicate", { id: ids.experience }],
    [ownExperience, "Save changes", { id: ids.experience, payload }],
    [`/w/${a.slug}/segments/${own.segmentId}`, "Delete segment", { id: ids.segment }],
    [`/w/${a.slug}/segments/${own.segmentId}`, "Save segment", { id: ids.segment, payload: JSON.stringify({ name: "Hijacked", rules: { kind: "group", combinator: "and", children: [{ kind: "condition", attribute: "x", operator: "is_set" }] } }) }],
    [`/w/${a.slug}/users/${own.endUserId}`, "Erase personal data", { id: ids.user }],
    [`/w/${a.slug}/settings`, "Save", { name: "Hijacked", slug: b.slug }],
    [`/w/${a.slug}/settings/theme`, "Save theme", { primaryColor: "#000000" }],
    [`/w/${a.slug}/settings/theme`, "Save limits", { maxPerSession: "1", maxPerDay: "1" }],
    [`/w/${a.slug}/settings`, "Set default language", { defaultLocale: "fr" }],
    [`/w/${a.slug}/settings/identity`, "Turn on", { enabled: "on" }],
    [`/w/${a.slug}/settings/identity`, "Rotate secret", {}],
  ];
  for (const [url, button, fields] of forged) {
    await forge(pa, url, button, { ...fields, workspace: b.slug });
    await expect(pa.getByRole("heading", { name: "Page not found" }), `${button} with B's slug`).toBeVisible();
  }
  // …and with A's own slug but B's ids (the workspace filter finds nothing).
  for (const [url, button, fields] of forged.slice(0, 7)) {
    await forge(pa, url, button, { ...fields, workspace: a.slug });
    await expect(pa.getByRole("alert").filter({ hasText: /no longer exists|Not found|Choose a segment|not found/i }), `${button} with B's ids`).toBeVisible();
  }
  expect(await snapshot()).toEqual(before);
  await ctx.close();
});
