import { expect, test, type Browser, type BrowserContextOptions } from "@playwright/test";
import { query } from "./support/db";
import { endUserOf, hostUrl, liveExperience, sdkWorkspace, storedAnonymousId, type TSdkWorkspace } from "./support/sdk-host";

// Multi-language content: an admin translates an announcement side by side in the dashboard and a
// changelog post in its editor; end users get their language (herald.init's locale, else the
// browser's; the portal's ?lang= or Accept-Language), others the default; the locale is never stored.

test.describe.configure({ mode: "serial" });

const DEFAULT = { title: "New reports", body: "Export any chart.", buttons: [{ label: "Got it", action: "dismiss" }] };
const FRENCH = { title: "Nouveaux rapports", body: "Exportez n’importe quel graphique.", buttons: [{ label: "Compris" }] };

let ws: TSdkWorkspace;
/** End users whose app passed a locale (or whose browser had one) but never sent it as an attribute. */
const withoutLocaleAttribute: { anonymousId: string; id: string }[] = [];
let withLocaleAttribute: { anonymousId: string; id: string };

/** An end user's own browser on the customer's page; resolves once the SDK has its answer. */
async function endUser(browser: Browser, opts: { locale?: string; context?: BrowserContextOptions }) {
  const context = await browser.newContext(opts.context);
  const page = await context.newPage();
  const resolved = page.waitForResponse((r) => r.url().endsWith("/api/sdk/v1/resolve"));
  await page.goto(hostUrl(ws.publicKey) + (opts.locale ? `&locale=${opts.locale}` : ""));
  expect((await resolved).status()).toBe(200);
  return { context, page };
}

/** The end user row the SDK API made for this browser (it may land just after the first answer). */
async function stored(anonymousId: string) {
  await expect.poll(async () => Boolean(await endUserOf(ws.id, anonymousId))).toBe(true);
  return { id: (await endUserOf(ws.id, anonymousId)).id, anonymousId };
}

test("an admin adds a French translation of an announcement side by side; a French end user sees it, a Japanese one the default", async ({ page, browser }) => {
  page.on("dialog", (d) => d.accept());
  ws = await sdkWorkspace(page);
  const id = await liveExperience(ws.id, { type: "announcement", content: DEFAULT });

  await page.goto(`/w/${ws.slug}/experiences/${id}`);
  const code = page.getByLabel("Language code");
  for (const [bad, message] of [["french", "Use a locale code like fr or pt-BR."], ["en", /default language/]] as const) {
    await code.fill(bad);
    await page.getByRole("button", { name: "Add translation" }).click();
    await expect(page.getByText(message)).toBeVisible();
  }
  await code.fill("fr");
  await page.getByRole("button", { name: "Add translation" }).click();
  const fr = page.getByRole("group", { name: "French (fr)" });
  // Each text field beside its default: title, body and the button's label (not its action).
  await expect(fr.getByText("Export any chart.", { exact: true })).toBeVisible();
  await fr.getByLabel("Title (fr)").fill("x".repeat(121));
  await fr.getByLabel("Body (fr)").fill(FRENCH.body);
  await fr.getByLabel("Button 1 · label (fr)").fill(FRENCH.buttons[0].label);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(fr.getByText("Title must be at most 120 characters.")).toBeVisible();
  expect((await query<{ translations: unknown }>("select translations from experiences where id = $1", [id]))[0].translations).toEqual({});

  await fr.getByLabel("Title (fr)").fill(FRENCH.title);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  expect((await query<{ translations: unknown }>("select translations from experiences where id = $1", [id]))[0].translations).toEqual({ fr: FRENCH });
  await page.reload();
  await expect(page.getByRole("group", { name: "French (fr)" }).getByLabel("Title (fr)")).toHaveValue(FRENCH.title);

  // herald.init({ locale: "fr" }): the French text.
  const french = await endUser(browser, { locale: "fr" });
  const dialog = french.page.getByRole("dialog", { name: FRENCH.title });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(FRENCH.body);
  await expect(dialog.getByRole("button", { name: "Compris" })).toBeVisible();
  withoutLocaleAttribute.push(await stored(await storedAnonymousId(french.page)));
  await french.context.close();

  // herald.init({ locale: "ja" }): no Japanese translation, so the default.
  const japanese = await endUser(browser, { locale: "ja" });
  await expect(japanese.page.getByRole("dialog", { name: DEFAULT.title })).toBeVisible();
  await expect(japanese.page.getByRole("button", { name: "Got it" })).toBeVisible();
  withoutLocaleAttribute.push(await stored(await storedAnonymousId(japanese.page)));
  await japanese.context.close();

  // No locale from the app: the browser's language (fr-CA → fr). This one is sent as an attribute
  // by the customer, the one way a locale may be stored.
  const browserFrench = await endUser(browser, { context: { locale: "fr-CA" } });
  await expect(browserFrench.page.getByRole("dialog", { name: FRENCH.title })).toBeVisible();
  const anon = await storedAnonymousId(browserFrench.page);
  await browserFrench.page.evaluate(() => (window as unknown as { herald: { setAttributes(a: object): void } }).herald.setAttributes({ language: "fr-CA" }));
  await expect.poll(async () => (await endUserOf(ws.id, anon))?.attributes).toEqual({ language: "fr-CA" });
  withLocaleAttribute = await stored(anon);
  await browserFrench.context.close();
});

test("a portal post with a French translation shows French for ?lang=fr and for Accept-Language: fr", async ({ page, browser, request }) => {
  const admin = await sdkWorkspace(page);
  await page.goto(`/w/${admin.slug}/changelog/new`);
  await page.getByLabel("Title", { exact: true }).fill("Dark mode");
  await page.getByLabel("Status").selectOption("published");
  await page.getByLabel("Body (Markdown)").fill("Dark mode is here.");
  // Side by side with the default text, like experiences.
  await page.getByLabel("Language code").fill("fr");
  await page.getByRole("button", { name: "Add translation" }).click();
  const french = page.getByTestId("translation-fr");
  await expect(french).toContainText("Dark mode is here.");
  await french.getByLabel("Title (fr)").fill("Mode sombre");
  await french.getByLabel("Body (fr)").fill("Le mode sombre est là.");
  await page.getByRole("button", { name: "Save post" }).click();
  await page.waitForURL(/\?saved=created$/);
  const [{ slug }] = await query<{ slug: string }>("select slug from changelog_posts where workspace_id = $1", [admin.id]);
  const url = `/changelog/${admin.slug}/${slug}`;

  const anonymous = await browser.newContext();
  const reader = await anonymous.newPage();
  await reader.goto(`${url}?lang=fr`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Mode sombre");
  await expect(reader.locator("article")).toContainText("Le mode sombre est là.");
  await expect(reader.locator("article")).toHaveAttribute("lang", "fr");
  await reader.goto(`${url}?lang=ja`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Dark mode");
  await anonymous.close();

  // A browser set to French sends Accept-Language: fr-FR,fr.
  const frenchReader = await browser.newContext({ locale: "fr-FR" });
  const fr = await frenchReader.newPage();
  await fr.goto(url);
  await expect(fr.getByRole("heading", { level: 1 })).toHaveText("Mode sombre");
  await frenchReader.close();
  // And exactly "Accept-Language: fr", from any client.
  for (const [acceptLanguage, title] of [["fr", "Mode sombre"], ["ja, en;q=0.5", "Dark mode"]]) {
    const html = await (await request.get(url, { headers: { "Accept-Language": acceptLanguage } })).text();
    expect(html, acceptLanguage).toMatch(new RegExp(`<h1[^>]*>${title}</h1>`));
  }
});

test("an admin sets the workspace's default language, validated, and the translation panel writes against it", async ({ page }) => {
  const admin = await sdkWorkspace(page);
  await page.goto(`/w/${admin.slug}/settings`);
  await expect(page.getByLabel("Default language")).toHaveValue("en");
  await page.getByLabel("Default language").fill("french");
  await page.getByRole("button", { name: "Set default language" }).click();
  await expect(page.getByText("Use a locale like fr or pt-BR.")).toBeVisible();
  await expect(page.getByLabel("Default language")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Default language").fill("pt_br");
  await page.getByRole("button", { name: "Set default language" }).click();
  await expect(page.getByText("Default language saved.")).toBeVisible();
  expect((await query<{ settings: { defaultLocale: string } }>("select settings from workspaces where id = $1", [admin.id]))[0].settings.defaultLocale).toBe("pt-BR");

  const id = await liveExperience(admin.id, { type: "announcement", content: DEFAULT });
  await page.goto(`/w/${admin.slug}/experiences/${id}`);
  await page.getByLabel("Language code").fill("pt-BR");
  await page.getByRole("button", { name: "Add translation" }).click();
  await expect(page.getByText(/pt-BR is the workspace's default language/)).toBeVisible();
  await page.getByLabel("Language code").fill("en");
  await page.getByRole("button", { name: "Add translation" }).click();
  await expect(page.getByRole("group", { name: "English (en)" })).toContainText("Default (pt-BR)");
});

test("after the localization tests, the database holds no locale of an end user who was not given one as an attribute", async () => {
  expect(withoutLocaleAttribute).toHaveLength(2);
  const tables = await query<{ name: string }>("select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'");
  const lines: string[] = [];
  for (const { name } of tables) lines.push(...(await query<{ j: string }>(`select row_to_json(t)::text as j from "${name}" t`)).map((r) => r.j));
  const locale = /"(fr|ja)([-_][A-Za-z]{2})?"/i;
  const about = (u: { id: string; anonymousId: string }) => lines.filter((l) => l.includes(u.id) || l.includes(u.anonymousId));

  // The dump covers end users: the one given a language attribute has it in its row.
  expect(about(withLocaleAttribute).some((l) => /"language": ?"fr-CA"/.test(l)), "the dump covers end_users").toBe(true);
  for (const u of withoutLocaleAttribute) {
    const rows = about(u);
    expect(rows.length, "the dump has rows about this end user").toBeGreaterThan(0);
    expect(rows.filter((l) => locale.test(l) || /locale|language/i.test(l))).toEqual([]);
  }
  // Nothing anywhere holds the Japanese end user's locale: no translation and no row says "ja".
  expect(lines.filter((l) => /"ja([-_][A-Za-z]{2})?"/i.test(l))).toEqual([]);
});
