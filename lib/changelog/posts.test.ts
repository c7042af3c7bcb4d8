import { describe, expect, it } from "vitest";
import { createPost, deletePost, getPostForEditor, listPostsForEditor, updatePost } from "./posts";
import { saveUpload } from "./uploads";
import { makePost, makeWorkspace } from "./test-helpers";

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");

describe("changelog editor", () => {
  it("creates a post with a generated slug and makes later slugs unique per workspace", async () => {
    const ws = await makeWorkspace();
    const a = await makePost(ws.id, { title: "Dark mode is here!" });
    expect(a.slug).toBe("dark-mode-is-here");
    const b = await makePost(ws.id, { title: "Dark mode is here" });
    expect(b.slug).toBe("dark-mode-is-here-2");
    // Another workspace may use the same slug.
    const other = await makeWorkspace();
    expect((await makePost(other.id, { title: "Dark mode is here" })).slug).toBe("dark-mode-is-here");
  });

  it("refuses an explicit slug another post uses, bad slugs, unknown categories and missing titles", async () => {
    const ws = await makeWorkspace();
    await makePost(ws.id, { slug: "taken" });
    const clash = await createPost(ws.id, { title: "x", slug: "taken", category: "New", status: "draft" });
    expect(clash).toMatchObject({ ok: false, fieldErrors: { slug: "Another post already uses this slug." } });
    const bad = await createPost(ws.id, { title: "", slug: "Not a slug!", category: "Nope", status: "draft" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.fieldErrors?.title).toBe("Give the post a title.");
      expect(bad.fieldErrors?.slug).toMatch(/lowercase letters/);
    }
    const category = await createPost(ws.id, { title: "x", category: "Nope", status: "draft" });
    expect(category).toMatchObject({ ok: false, fieldErrors: { category: "Choose one of: New, Improved, Fixed." } });
    const scheduled = await createPost(ws.id, { title: "x", category: "New", status: "scheduled" });
    expect(scheduled).toMatchObject({ ok: false, fieldErrors: { publishedAt: "Choose when the post goes live." } });
  });

  it("accepts the workspace's own categories", async () => {
    const ws = await makeWorkspace({ portal: { categories: ["Security", "API"] } });
    expect((await createPost(ws.id, { title: "x", category: "API", status: "draft" })).ok).toBe(true);
    expect((await createPost(ws.id, { title: "y", category: "New", status: "draft" })).ok).toBe(false);
  });

  it("sets the publication date to now when publishing without one, and reads datetime-local as UTC", async () => {
    const ws = await makeWorkspace();
    const before = Date.now();
    const now = await makePost(ws.id, { status: "published" });
    expect((await getPostForEditor(ws.id, now.id))!.publishedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const dated = await makePost(ws.id, { status: "scheduled", publishedAt: "2031-05-01T09:30" });
    expect((await getPostForEditor(ws.id, dated.id))!.publishedAt!.toISOString()).toBe("2031-05-01T09:30:00.000Z");
    const draft = await makePost(ws.id, { status: "draft" });
    expect((await getPostForEditor(ws.id, draft.id))!.publishedAt).toBeNull();
  });

  it("stores translations given as JSON and rejects malformed ones", async () => {
    const ws = await makeWorkspace();
    const ok = await makePost(ws.id, { translations: '{"fr": {"title": "Bonjour"}}' });
    expect((await getPostForEditor(ws.id, ok.id))!.translations).toEqual({ fr: { title: "Bonjour" } });
    const bad = await createPost(ws.id, { title: "x", category: "New", status: "draft", translations: "{not json" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { translations: expect.stringMatching(/must be JSON/) } });
    const badLocale = await createPost(ws.id, { title: "x", category: "New", status: "draft", translations: { "french!": { title: "x" } } });
    expect(badLocale.ok).toBe(false);
  });

  it("updates and deletes posts, keeping the slug unique", async () => {
    const ws = await makeWorkspace();
    const a = await makePost(ws.id, { title: "First" });
    const b = await makePost(ws.id, { title: "Second" });
    const renamed = await updatePost(ws.id, a.id, { title: "First, renamed", slug: "first", body: "New body", category: "Fixed", status: "draft" });
    expect(renamed).toMatchObject({ ok: true, slug: "first" });
    expect(await updatePost(ws.id, b.id, { title: "Second", slug: "first", category: "New", status: "draft" })).toMatchObject({ ok: false });
    const stored = await getPostForEditor(ws.id, a.id);
    expect(stored).toMatchObject({ title: "First, renamed", body: "New body", category: "Fixed", status: "draft" });
    expect(await deletePost(ws.id, a.id)).toBe(true);
    expect(await getPostForEditor(ws.id, a.id)).toBeUndefined();
    expect(await deletePost(ws.id, a.id)).toBe(false);
  });

  it("another workspace's post can be neither read, changed, deleted nor listed", async () => {
    const mine = await makeWorkspace();
    const theirs = await makeWorkspace();
    const post = await makePost(theirs.id, { title: "Their secret plan" });
    expect(await getPostForEditor(mine.id, post.id)).toBeUndefined();
    expect(await updatePost(mine.id, post.id, { title: "Hijacked", category: "New", status: "draft" })).toBeUndefined();
    expect(await deletePost(mine.id, post.id)).toBe(false);
    expect((await listPostsForEditor(mine.id)).posts.map((p) => p.id)).not.toContain(post.id);
    expect((await getPostForEditor(theirs.id, post.id))!.title).toBe("Their secret plan");
    expect(await getPostForEditor(mine.id, "not-a-uuid")).toBeUndefined();
  });

  it("refuses another workspace's cover image", async () => {
    const mine = await makeWorkspace();
    const theirs = await makeWorkspace();
    const upload = await saveUpload(theirs.id, PNG);
    if (!upload.ok) throw new Error("upload failed");
    const result = await createPost(mine.id, { title: "x", category: "New", status: "draft", coverUploadId: upload.id });
    expect(result).toMatchObject({ ok: false, fieldErrors: { coverUploadId: "Upload the cover image again." } });
    expect((await createPost(theirs.id, { title: "x", category: "New", status: "draft", coverUploadId: upload.id })).ok).toBe(true);
  });

  it("lists posts with pagination", async () => {
    const ws = await makeWorkspace();
    for (let i = 0; i < 23; i++) await makePost(ws.id, { title: `Post ${i}`, status: "draft" });
    const first = await listPostsForEditor(ws.id, 1);
    expect(first).toMatchObject({ total: 23, page: 1, pageCount: 2 });
    expect(first.posts).toHaveLength(20);
    const second = await listPostsForEditor(ws.id, 2);
    expect(second.posts).toHaveLength(3);
    expect(second.posts[0]).toMatchObject({ views: 0, reactions: 0, status: "draft" });
  });

  it("lists the newest publication first, with undated drafts by their last edit", async () => {
    const ws = await makeWorkspace();
    await makePost(ws.id, { title: "Old", publishedAt: new Date(Date.now() - 10 * 86_400_000) });
    await makePost(ws.id, { title: "Later", status: "scheduled", publishedAt: new Date(Date.now() + 86_400_000) });
    await makePost(ws.id, { title: "Draft", status: "draft" });
    expect((await listPostsForEditor(ws.id)).posts.map((p) => p.title)).toEqual(["Later", "Draft", "Old"]);
  });
});
