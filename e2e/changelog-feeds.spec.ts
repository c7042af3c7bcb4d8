import { expect, test } from "@playwright/test";
import Parser from "rss-parser";
import { signUp } from "./support/accounts";
import { query } from "./support/db";
import { E2E } from "./support/ports";

// 1×1 transparent PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

async function seedPosts(slug: string) {
  await query(
    `insert into changelog_posts (workspace_id, slug, title, body, category, status, published_at, translations)
     select id, 'dark-mode', 'Dark mode & more', 'Now **darker** <script>alert(1)</script>', 'New', 'published', now() - interval '1 hour',
            '{"fr": {"title": "Mode sombre"}}'::jsonb from workspaces where slug = $1`,
    [slug],
  );
  await query(
    `insert into changelog_posts (workspace_id, slug, title, body, category, status, published_at)
     select id, 'hidden-draft', 'Hidden draft', 'x', 'New', 'draft', now() - interval '1 hour' from workspaces where slug = $1`,
    [slug],
  );
}

test("RSS, Atom and the sitemap validate and list only visible posts; noindex reaches feeds and pages", async ({ page, request }) => {
  const admin = await signUp(page, { workspaceName: "Feedy" });
  await seedPosts(admin.slug);
  const base = `/changelog/${admin.slug}`;
  const parser = new Parser();

  const rss = await request.get(`${base}/rss.xml`);
  expect(rss.headers()["content-type"]).toContain("application/rss+xml");
  expect(rss.headers()["x-robots-tag"]).toBeUndefined();
  expect(rss.headers()["set-cookie"]).toBeUndefined();
  const rssFeed = await parser.parseString(await rss.text());
  expect(rssFeed.title).toBe("Feedy changelog");
  expect(rssFeed.items.map((i) => i.title)).toEqual(["Dark mode & more"]);
  expect(rssFeed.items[0].link).toBe(`${E2E.appUrl}${base}/dark-mode`);
  expect(rssFeed.items[0].content).toContain("<strong>darker</strong>");
  expect(rssFeed.items[0].content).not.toContain("script");

  const atom = await request.get(`${base}/atom.xml`);
  expect(atom.headers()["content-type"]).toContain("application/atom+xml");
  const atomFeed = await parser.parseString(await atom.text());
  expect(atomFeed.items.map((i) => i.title)).toEqual(["Dark mode & more"]);
  expect((await parser.parseString(await (await request.get(`${base}/rss.xml?lang=fr`)).text())).items[0].title).toBe("Mode sombre");

  const sitemap = await (await request.get(`${base}/sitemap.xml`)).text();
  expect(sitemap).toContain(`<loc>${E2E.appUrl}${base}/dark-mode</loc>`);
  expect(sitemap).not.toContain("hidden-draft");

  await page.goto(`${base}/dark-mode`);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Dark mode & more");
  await expect(page.locator('link[type="application/rss+xml"]')).toHaveAttribute("href", `${E2E.appUrl}${base}/rss.xml`);
  await expect(page.locator('meta[name="robots"]')).toHaveCount(0);

  await query(`update workspaces set settings = '{"portal": {"noindex": true}}'::jsonb where slug = $1`, [admin.slug]);
  for (const feed of ["rss.xml", "atom.xml", "sitemap.xml"]) {
    expect((await request.get(`${base}/${feed}`)).headers()["x-robots-tag"]).toBe("noindex, nofollow");
  }
  await page.goto(`${base}/dark-mode`);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
  await page.goto(base);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
});

test("translations follow ?lang= and Accept-Language; unknown workspaces and bad slugs get the 404 page", async ({ page, browser, request }) => {
  const admin = await signUp(page, { workspaceName: "Polyglot" });
  await seedPosts(admin.slug);
  const base = `/changelog/${admin.slug}`;
  const reader = await browser.newContext({ locale: "fr-FR", extraHTTPHeaders: { "Accept-Language": "fr-FR,fr;q=0.9" } });
  const r = await reader.newPage();
  await r.goto(`${base}/dark-mode`);
  await expect(r.getByRole("heading", { level: 1 })).toHaveText("Mode sombre");
  await r.goto(`${base}/dark-mode?lang=en`);
  await expect(r.getByRole("heading", { level: 1 })).toHaveText("Dark mode & more");
  await page.goto(`${base}?lang=fr`);
  await expect(page.getByRole("link", { name: "Mode sombre" })).toBeVisible();
  await reader.close();

  for (const path of ["/changelog/no-such-workspace", "/changelog/no-such-workspace/dark-mode", `${base}/no-such-post`, `${base}/Bad_Slug!`, "/changelog/BAD%20WS"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "This update does not exist" })).toBeVisible();
  }
  expect((await request.get("/changelog/no-such-workspace/rss.xml")).status()).toBe(404);
});

test("the SDK widget endpoint answers any origin without cookies, 404 for unknown keys", async ({ page, request }) => {
  const admin = await signUp(page);
  await seedPosts(admin.slug);
  const [{ public_key }] = await query<{ public_key: string }>("select public_key from workspaces where slug = $1", [admin.slug]);
  const res = await request.get(`/api/sdk/v1/changelog?key=${public_key}&locale=fr`, { headers: { Origin: "https://customer.example" } });
  expect(res.status()).toBe(200);
  expect(res.headers()["access-control-allow-origin"]).toBe("*");
  expect(res.headers()["set-cookie"]).toBeUndefined();
  const body = await res.json();
  expect(body.portalUrl).toBe(`${E2E.appUrl}/changelog/${admin.slug}`);
  expect(body.posts).toEqual([
    { id: expect.any(String), slug: "dark-mode", title: "Mode sombre", category: "New", publishedAt: expect.stringMatching(/Z$/), excerpt: "Now darker", url: `${body.portalUrl}/dark-mode` },
  ]);
  expect((await request.get("/api/sdk/v1/changelog?key=pk_nobodyhasthiskey0")).status()).toBe(404);
});

test("cover images: PNG accepted and shown on the portal, other types 400, big files 413", async ({ page }) => {
  const admin = await signUp(page);
  await page.goto(`/w/${admin.slug}/changelog/new`);
  await page.getByLabel("Cover image").setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("this is not an image") });
  await expect(page.getByRole("alert").filter({ hasText: "Upload a PNG, JPEG, WebP or GIF image." })).toBeVisible();
  await page.getByLabel("Cover image").setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: PNG });
  await expect(page.getByRole("img", { name: "Cover preview" })).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill("With a cover");
  await page.getByLabel("Status").selectOption("published");
  await page.getByRole("button", { name: "Save post" }).click();
  await page.waitForURL(/\?saved=created$/);

  const big = await page.request.post(`/api/uploads/${admin.slug}`, { data: Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]), headers: { "Content-Type": "image/png" } });
  expect(big.status()).toBe(413);
  expect((await big.json()).error.message).toBe("Images can be at most 2 MB.");

  const anonymous = await page.context().browser()!.newContext();
  const r = await anonymous.newPage();
  await r.goto(`/changelog/${admin.slug}/with-a-cover`);
  const cover = r.locator("article img").first();
  await expect(cover).toBeVisible();
  const src = await cover.getAttribute("src");
  const image = await r.request.get(src!);
  expect(image.headers()["content-type"]).toBe("image/png");
  expect(image.headers()["x-content-type-options"]).toBe("nosniff");
  // Uploading needs a member of the workspace.
  expect((await r.request.post(`/api/uploads/${admin.slug}`, { data: PNG })).status()).toBe(401);
  await anonymous.close();
});
