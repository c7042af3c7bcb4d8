import { expect, test } from "@playwright/test";
import { signUp } from "./support/accounts";
import { query } from "./support/db";

// 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

test("a member of workspace A can neither read nor change workspace B's changelog posts or upload to it", async ({ page, browser }) => {
  const b = await signUp(page, { workspaceName: "Tenant B" });
  await query(
    `insert into changelog_posts (workspace_id, slug, title, body, category, status)
     select id, 'b-plan', 'B secret plan', 'x', 'New', 'draft' from workspaces where slug = $1`,
    [b.slug],
  );
  const [{ id: bPost }] = await query<{ id: string }>("select p.id from changelog_posts p join workspaces w on w.id = p.workspace_id where w.slug = $1", [b.slug]);

  const ctx = await browser.newContext();
  const pa = await ctx.newPage();
  const a = await signUp(pa, { workspaceName: "Tenant A" });
  for (const path of [`/w/${b.slug}/changelog`, `/w/${b.slug}/changelog/new`, `/w/${b.slug}/changelog/${bPost}`, `/w/${a.slug}/changelog/${bPost}`]) {
    const res = await pa.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(pa.getByText("B secret plan")).toHaveCount(0);
  }

  // A edits its own post, then swaps in B's post id before saving: the action answers "no longer exists".
  await pa.goto(`/w/${a.slug}/changelog/new`);
  await pa.getByLabel("Title", { exact: true }).fill("A's post");
  await pa.getByRole("button", { name: "Save post" }).click();
  await pa.waitForURL(/\?saved=created$/);
  // (The title is typed first: the editor re-renders as it changes, which would restore the real id.)
  await pa.getByLabel("Title", { exact: true }).fill("Hijacked");
  await pa.locator('input[name="postId"]').first().evaluate((el, id) => ((el as HTMLInputElement).value = id), bPost);
  await pa.getByRole("button", { name: "Save post" }).click();
  await expect(pa.getByText("This post no longer exists.")).toBeVisible();
  // …and the delete form likewise.
  await pa.locator('input[name="postId"]').last().evaluate((el, id) => ((el as HTMLInputElement).value = id), bPost);
  pa.once("dialog", (d) => d.accept());
  await pa.getByRole("button", { name: "Delete post" }).click();
  await expect(pa.getByText("This post no longer exists.").last()).toBeVisible();
  const [row] = await query<{ title: string }>("select title from changelog_posts where id = $1", [bPost]);
  expect(row.title).toBe("B secret plan");

  // Uploading into B's workspace is refused like a workspace that does not exist.
  const upload = await pa.request.post(`/api/uploads/${b.slug}`, { data: PNG, headers: { "Content-Type": "image/png" } });
  expect(upload.status()).toBe(404);
  await ctx.close();
});

test("a plain member (not owner or admin) may write and publish changelog posts", async ({ page, browser }) => {
  const owner = await signUp(page, { workspaceName: "Team Co" });
  const ctx = await browser.newContext();
  const pm = await ctx.newPage();
  const member = await signUp(pm);
  await query(
    `insert into memberships (workspace_id, user_id, role)
     select w.id, u.id, 'member' from workspaces w, users u where w.slug = $1 and u.email = $2`,
    [owner.slug, member.email],
  );
  await pm.goto(`/w/${owner.slug}/changelog/new`);
  await pm.getByLabel("Title", { exact: true }).fill("Written by a member");
  await pm.getByLabel("Status").selectOption("published");
  await pm.getByRole("button", { name: "Save post" }).click();
  await pm.waitForURL(/\?saved=created$/);
  await pm.goto(`/changelog/${owner.slug}/written-by-a-member`);
  await expect(pm.getByRole("heading", { level: 1, name: "Written by a member" })).toBeVisible();
  await ctx.close();
});
