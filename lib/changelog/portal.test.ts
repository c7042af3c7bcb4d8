import { describe, expect, it } from "vitest";
import Parser from "rss-parser";
import { buildAtom, buildRss, buildSitemap } from "./feeds";
import { findPortal, findPortalByKey, findVisiblePost, listVisiblePosts } from "./portal";
import { reactionState, setReaction } from "./reactions";
import { changelogForSdk, ZSdkChangelog } from "./sdk";
import { totalViews, recordView } from "./views";
import { HOUR, makePost, makeWorkspace } from "./test-helpers";

const VOTER_A = "voter-aaaaaaaaaaaaaaaa";
const VOTER_B = "voter-bbbbbbbbbbbbbbbb";

describe("public changelog", () => {
  it("shows published posts and scheduled ones whose time has passed, newest first; never drafts", async () => {
    const ws = await makeWorkspace();
    const old = await makePost(ws.id, { title: "Old", publishedAt: new Date(Date.now() - 48 * HOUR) });
    const recent = await makePost(ws.id, { title: "Recent", publishedAt: new Date(Date.now() - HOUR) });
    const due = await makePost(ws.id, { title: "Due", status: "scheduled", publishedAt: new Date(Date.now() - 2 * HOUR) });
    const future = await makePost(ws.id, { title: "Future", status: "scheduled", publishedAt: new Date(Date.now() + HOUR) });
    const draft = await makePost(ws.id, { title: "Draft", status: "draft", publishedAt: new Date(Date.now() - HOUR) });
    const { posts, total } = await listVisiblePosts(ws.id);
    expect(posts.map((p) => p.title)).toEqual(["Recent", "Due", "Old"]);
    expect(total).toBe(3);
    expect(await findVisiblePost(ws.id, future.slug)).toBeUndefined();
    expect(await findVisiblePost(ws.id, draft.slug)).toBeUndefined();
    expect((await findVisiblePost(ws.id, due.slug))?.title).toBe("Due");
    // Once its time has passed, the scheduled post appears.
    expect((await findVisiblePost(ws.id, future.slug, new Date(Date.now() + 2 * HOUR)))?.title).toBe("Future");
    expect([old.slug, recent.slug]).toHaveLength(2);
  });

  it("never shows another workspace's posts", async () => {
    const a = await makeWorkspace();
    const b = await makeWorkspace();
    const post = await makePost(b.id, { title: "B only", slug: "b-only" });
    expect(await findVisiblePost(a.id, post.slug)).toBeUndefined();
    expect((await listVisiblePosts(a.id)).total).toBe(0);
  });

  it("filters by category, searches title and body (wildcards literal), paginates", async () => {
    const ws = await makeWorkspace();
    await makePost(ws.id, { title: "Faster exports", body: "CSV exports are 3x faster", category: "Improved" });
    await makePost(ws.id, { title: "Fix login", body: "100% of users can sign in", category: "Fixed" });
    for (let i = 0; i < 12; i++) await makePost(ws.id, { title: `Item ${i}`, publishedAt: new Date(Date.now() - (i + 5) * HOUR) });
    expect((await listVisiblePosts(ws.id, { category: "Fixed" })).posts.map((p) => p.title)).toEqual(["Fix login"]);
    expect((await listVisiblePosts(ws.id, { q: "csv" })).posts.map((p) => p.title)).toEqual(["Faster exports"]);
    expect((await listVisiblePosts(ws.id, { q: "100%" })).posts.map((p) => p.title)).toEqual(["Fix login"]);
    expect((await listVisiblePosts(ws.id, { q: "%" })).total).toBe(1);
    const page2 = await listVisiblePosts(ws.id, { page: 2 });
    expect(page2).toMatchObject({ total: 14, page: 2, pageCount: 2 });
    expect(page2.posts).toHaveLength(4);
  });

  it("finds portals by slug and public key only", async () => {
    const ws = await makeWorkspace({ portal: { accentColor: "#112233", noindex: true } });
    const portal = await findPortal(ws.slug);
    expect(portal).toMatchObject({ id: ws.id, name: ws.name, branding: { accentColor: "#112233", noindex: true } });
    expect(portal!.url).toBe(`http://localhost:3000/changelog/${ws.slug}`);
    expect((await findPortalByKey(ws.publicKey))?.id).toBe(ws.id);
    expect(await findPortal("no-such-workspace-xyz")).toBeUndefined();
    expect(await findPortal("Bad Slug!")).toBeUndefined();
    expect(await findPortalByKey("pk_doesnotexist000")).toBeUndefined();
  });
});

describe("reactions and views", () => {
  it("counts one reaction per reader and reaction; repeating changes nothing; removing works", async () => {
    const ws = await makeWorkspace();
    const post = await makePost(ws.id);
    let state = await setReaction(ws.id, post.id, { voterId: VOTER_A, emoji: "🎉", active: true });
    expect(state.counts["🎉"]).toBe(1);
    expect(state.mine).toEqual(["🎉"]);
    state = await setReaction(ws.id, post.id, { voterId: VOTER_A, emoji: "🎉", active: true });
    expect(state.counts["🎉"]).toBe(1);
    state = await setReaction(ws.id, post.id, { voterId: VOTER_B, emoji: "🎉", active: true });
    expect(state.counts).toEqual({ "👍": 0, "❤️": 0, "🎉": 2, "🤔": 0 });
    expect(state.mine).toEqual(["🎉"]);
    await setReaction(ws.id, post.id, { voterId: VOTER_A, emoji: "👍", active: true });
    expect((await reactionState(ws.id, post.id, VOTER_A)).mine.sort()).toEqual(["👍", "🎉"].sort());
    state = await setReaction(ws.id, post.id, { voterId: VOTER_A, emoji: "🎉", active: false });
    expect(state.counts["🎉"]).toBe(1);
    expect((await reactionState(ws.id, post.id)).mine).toEqual([]);
  });

  it("rejects unknown reactions and malformed voter ids", async () => {
    const ws = await makeWorkspace();
    const post = await makePost(ws.id);
    await expect(setReaction(ws.id, post.id, { voterId: VOTER_A, emoji: "💩" as never, active: true })).rejects.toThrow(/Reaction must be one of/);
    await expect(setReaction(ws.id, post.id, { voterId: "short", emoji: "👍", active: true })).rejects.toThrow(/voterId/);
  });

  it("keeps one counter per post and day", async () => {
    const ws = await makeWorkspace();
    const post = await makePost(ws.id);
    await recordView(ws.id, post.id);
    await recordView(ws.id, post.id);
    await recordView(ws.id, post.id, new Date(Date.now() - 48 * HOUR));
    expect(await totalViews(ws.id, post.id)).toBe(3);
    const other = await makeWorkspace();
    expect(await totalViews(other.id, post.id)).toBe(0);
  });
});

describe("feeds and the SDK widget", () => {
  it("RSS and Atom parse with a real feed parser, with sanitized, escaped content", async () => {
    const ws = await makeWorkspace();
    await makePost(ws.id, { title: "Tom & Jerry <3", body: "Hello <script>alert(1)</script> **world**", category: "Improved" });
    await makePost(ws.id, { title: "Hidden", status: "draft" });
    const portal = (await findPortal(ws.slug))!;
    const parser = new Parser();
    const rss = await parser.parseString(await buildRss(portal));
    expect(rss.title).toBe(`${ws.name} changelog`);
    expect(rss.items).toHaveLength(1);
    expect(rss.items[0]).toMatchObject({ title: "Tom & Jerry <3", link: `${portal.url}/tom-jerry-3`, categories: ["Improved"] });
    expect(rss.items[0].content).toContain("<strong>world</strong>");
    expect(rss.items[0].content).not.toContain("script");
    const atom = await parser.parseString(await buildAtom(portal));
    expect(atom.items).toHaveLength(1);
    expect(atom.items[0].title).toBe("Tom & Jerry <3");
    expect(atom.items[0].link).toBe(`${portal.url}/tom-jerry-3`);
    expect(atom.items[0].id).toMatch(/^urn:uuid:/);
    const sitemap = await buildSitemap(portal);
    expect(sitemap).toContain(`<loc>${portal.url}/tom-jerry-3</loc>`);
    expect(sitemap).not.toContain("hidden");
  });

  it("gives the widget exactly the documented shape, localized, latest 10", async () => {
    const ws = await makeWorkspace();
    for (let i = 0; i < 12; i++) await makePost(ws.id, { title: `Post ${i}`, publishedAt: new Date(Date.now() - (20 - i) * HOUR) });
    await makePost(ws.id, { title: "Newest", body: "x ".repeat(400), translations: { fr: { title: "Le plus récent" } } });
    await makePost(ws.id, { title: "Later", status: "scheduled", publishedAt: new Date(Date.now() + HOUR) });
    const data = (await changelogForSdk(ws.publicKey))!;
    expect(ZSdkChangelog.strict().parse(data)).toBeTruthy();
    expect(data.posts).toHaveLength(10);
    expect(Object.keys(data.posts[0]).sort()).toEqual(["category", "excerpt", "id", "publishedAt", "slug", "title", "url"]);
    expect(data.posts[0]).toMatchObject({ title: "Newest", url: `${data.portalUrl}/newest` });
    expect(data.posts[0].excerpt.length).toBeLessThanOrEqual(280);
    expect(new Date(data.posts[0].publishedAt).toISOString()).toBe(data.posts[0].publishedAt);
    expect((await changelogForSdk(ws.publicKey, "fr-FR"))!.posts[0].title).toBe("Le plus récent");
    expect(await changelogForSdk("pk_unknownunknown1")).toBeUndefined();
  });
});
