import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { signUp } from "./support/accounts";
import { query } from "./support/db";
import { E2E } from "./support/ports";

type PostForm = { title: string; body?: string; category?: string; status?: "draft" | "scheduled" | "published"; publishedAt?: string };

/** Writes a post through the dashboard editor and returns its id. */
async function writePost(page: Page, slug: string, post: PostForm): Promise<string> {
  await page.goto(`/w/${slug}/changelog/new`);
  await page.getByLabel("Title", { exact: true }).fill(post.title);
  if (post.category) await page.getByLabel("Category").selectOption(post.category);
  await page.getByLabel("Status").selectOption(post.status ?? "published");
  if (post.publishedAt) await page.getByLabel("Publication date (UTC)").fill(post.publishedAt);
  await page.getByLabel("Body (Markdown)").fill(post.body ?? "Some news.");
  // The preview is the portal's own sanitized rendering.
  await page.getByRole("tab", { name: "Preview" }).click();
  const preview = page.getByRole("tabpanel", { name: "Preview" });
  await expect(preview).not.toHaveText(/Rendering/);
  await expect(preview.locator("script, [onerror]")).toHaveCount(0);
  if (post.body?.includes("**readers**")) await expect(preview.locator("strong")).toHaveText("readers");
  await page.getByRole("tab", { name: "Write" }).click();
  await page.getByRole("button", { name: "Save post" }).click();
  await page.waitForURL(/\/changelog\/[0-9a-f-]{36}\?saved=created$/);
  await expect(page.getByText("Post created.")).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** Records every host a page talks to. */
function watchHosts(page: Page): Set<string> {
  const hosts = new Set<string>();
  page.on("request", (r) => hosts.add(new URL(r.url()).host));
  return hosts;
}

async function storageKeys(page: Page) {
  return page.evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage) }));
}

const own = new URL(E2E.appUrl).host;

test("a published post is read anonymously and collects one reaction per reader", async ({ page, browser }) => {
  const admin = await signUp(page, { workspaceName: "Portal Co" });
  await page.goto(`/w/${admin.slug}/changelog`);
  await expect(page.getByRole("heading", { name: "No posts yet" })).toBeVisible();
  await writePost(page, admin.slug, {
    title: "Reactions have landed",
    category: "Improved",
    body: "Hello **readers**! <script>window.__pwned = 1</script> <img src=x onerror=\"window.__pwned = 2\"> [click](javascript:window.__pwned=3)",
  });
  const [{ id: postId }] = await query<{ id: string }>("select p.id from changelog_posts p join workspaces w on w.id = p.workspace_id where w.slug = $1", [admin.slug]);

  const readerA: BrowserContext = await browser.newContext();
  const a = await readerA.newPage();
  const hosts = watchHosts(a);
  await a.goto(`/changelog/${admin.slug}`);
  await expect(a.getByRole("heading", { name: "What's new in Portal Co" })).toBeVisible();
  await a.getByRole("link", { name: "Reactions have landed" }).click();
  await expect(a.getByRole("heading", { level: 1, name: "Reactions have landed" })).toBeVisible();
  await expect(a.locator("article strong", { hasText: "readers" })).toBeVisible();
  await expect(a.locator('article a[href^="javascript"]')).toHaveCount(0);
  expect(await a.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(a.locator("article [onerror], article script")).toHaveCount(0);

  const thumbs = (p: Page) => p.getByRole("button", { name: /React with 👍/ });
  await expect(thumbs(a)).toHaveAccessibleName("React with 👍: 0");
  await expect(thumbs(a)).toBeEnabled();
  await thumbs(a).click();
  await expect(thumbs(a)).toHaveAttribute("aria-pressed", "true");
  await expect(thumbs(a)).toHaveAccessibleName("React with 👍: 1");
  await a.reload();
  await expect(thumbs(a)).toHaveAccessibleName("React with 👍: 1");
  await expect(thumbs(a)).toHaveAttribute("aria-pressed", "true");

  const readerB = await browser.newContext();
  const b = await readerB.newPage();
  await b.goto(`/changelog/${admin.slug}/reactions-have-landed`);
  await expect(thumbs(b)).toHaveAttribute("aria-pressed", "false");
  await thumbs(b).click();
  await expect(thumbs(b)).toHaveAccessibleName("React with 👍: 2");

  // Reader A reacting again (a replayed request with the same id) changes nothing.
  await a.reload();
  await expect(thumbs(a)).toHaveAccessibleName("React with 👍: 2");
  const replay = await a.evaluate(async (url) => {
    const voterId = localStorage.getItem("herald.voterId");
    const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ voterId, emoji: "👍", active: true }) });
    return res.json();
  }, `/api/changelog/${admin.slug}/posts/reactions-have-landed/reactions`);
  expect(replay.counts["👍"]).toBe(2);
  expect(await query("select 1 from post_reactions where post_id = $1", [postId])).toHaveLength(2);

  // Nothing but Herald's own host, no cookie, nothing stored except the registered voter id.
  expect([...hosts]).toEqual([own]);
  expect(await readerA.cookies()).toEqual([]);
  expect(await readerB.cookies()).toEqual([]);
  expect(await storageKeys(a)).toEqual({ local: ["herald.voterId"], session: [] });
  await a.goto(`/changelog/${admin.slug}`);
  expect(await storageKeys(a)).toEqual({ local: ["herald.voterId"], session: [] });
  expect(await readerA.cookies()).toEqual([]);

  // Reading works without JavaScript; counts are server-rendered.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const n = await noJs.newPage();
  await n.goto(`/changelog/${admin.slug}/reactions-have-landed`);
  await expect(n.getByRole("button", { name: "React with 👍: 2" })).toBeVisible();
  await expect(n.getByText("readers")).toBeVisible();

  // Views are daily counters only; the editor shows them with the reactions.
  await expect.poll(async () => Number((await query<{ n: string }>("select coalesce(sum(count), 0) as n from post_view_counts where post_id = $1", [postId]))[0].n)).toBeGreaterThanOrEqual(4);
  const columns = await query<{ column_name: string }>("select column_name from information_schema.columns where table_name in ('post_view_counts', 'post_reactions')");
  expect(columns.map((c) => c.column_name).sort()).toEqual(["count", "created_at", "day", "emoji", "post_id", "post_id", "voter_id", "workspace_id", "workspace_id"].sort());
  await page.goto(`/w/${admin.slug}/changelog`);
  const row = page.getByRole("row", { name: /Reactions have landed/ });
  await expect(row).toContainText(/published/i);
  await expect(row.getByRole("cell").last()).toHaveText("2");
  await Promise.all([readerA.close(), readerB.close(), noJs.close()]);
});

test("a scheduled post appears only once its time has passed; a draft never does", async ({ page, browser }) => {
  const admin = await signUp(page);
  const nextYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 16);
  await writePost(page, admin.slug, { title: "Coming soon", status: "scheduled", publishedAt: nextYear });
  await expect(page.getByText(/Goes live/)).toBeVisible();
  await writePost(page, admin.slug, { title: "Secret draft", status: "draft" });
  await writePost(page, admin.slug, { title: "Already out", category: "Fixed" });

  const reader = await browser.newContext();
  const r = await reader.newPage();
  await r.goto(`/changelog/${admin.slug}`);
  await expect(r.getByRole("link", { name: "Already out" })).toBeVisible();
  await expect(r.getByText("Coming soon")).toHaveCount(0);
  await expect(r.getByText("Secret draft")).toHaveCount(0);
  for (const slug of ["coming-soon", "secret-draft"]) {
    const res = await r.goto(`/changelog/${admin.slug}/${slug}`);
    expect(res?.status()).toBe(404);
    await expect(r.getByRole("heading", { name: "This update does not exist" })).toBeVisible();
  }

  // Time passes: the scheduled date is now behind us (the draft gets a past date too, and stays hidden).
  await query("update changelog_posts set published_at = now() - interval '1 minute' where slug in ('coming-soon', 'secret-draft') and workspace_id = (select id from workspaces where slug = $1)", [admin.slug]);
  await r.goto(`/changelog/${admin.slug}`);
  await expect(r.getByRole("link", { name: "Coming soon" })).toBeVisible();
  await expect(r.getByText("Secret draft")).toHaveCount(0);
  expect((await r.goto(`/changelog/${admin.slug}/coming-soon`))?.status()).toBe(200);
  expect((await r.goto(`/changelog/${admin.slug}/secret-draft`))?.status()).toBe(404);

  // Category filter and search work without JavaScript.
  await r.goto(`/changelog/${admin.slug}`);
  await r.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Fixed" }).click();
  await expect(r.getByRole("link", { name: "Already out" })).toBeVisible();
  await expect(r.getByRole("link", { name: "Coming soon" })).toHaveCount(0);
  await r.goto(`/changelog/${admin.slug}`);
  await r.getByLabel("Search the changelog").fill("coming");
  await r.getByRole("button", { name: "Search" }).click();
  await expect(r.getByRole("link", { name: "Coming soon" })).toBeVisible();
  await expect(r.getByRole("link", { name: "Already out" })).toHaveCount(0);
  await reader.close();
});
