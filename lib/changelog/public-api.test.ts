import { describe, expect, it } from "vitest";
import { getReactions, postReaction } from "./public-api";
import { HOUR, makePost, makeWorkspace } from "./test-helpers";

const VOTER = "abcdef0123456789abcdef0123456789";

function post(body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) {
  return new Request("http://localhost/api", { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}

describe("public reactions endpoint", () => {
  it("sets a reaction, reads it back for the voter, and sets no cookie", async () => {
    const ws = await makeWorkspace();
    const p = await makePost(ws.id);
    const res = await postReaction(post({ voterId: VOTER, emoji: "❤️" }), ws.slug, p.slug);
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await res.json()).toMatchObject({ counts: { "❤️": 1 }, mine: ["❤️"] });
    const read = await getReactions(new Request(`http://localhost/api?voterId=${VOTER}`), ws.slug, p.slug);
    expect(await read.json()).toMatchObject({ counts: { "❤️": 1 }, mine: ["❤️"] });
    const anonymous = await getReactions(new Request("http://localhost/api"), ws.slug, p.slug);
    expect(await anonymous.json()).toMatchObject({ mine: [] });
  });

  it("answers 404 for unknown workspaces, drafts and future posts", async () => {
    const ws = await makeWorkspace();
    const draft = await makePost(ws.id, { status: "draft" });
    const future = await makePost(ws.id, { status: "scheduled", publishedAt: new Date(Date.now() + HOUR) });
    for (const [w, s] of [["no-such-ws-1234", "x"], [ws.slug, draft.slug], [ws.slug, future.slug], [ws.slug, "Bad Slug"]]) {
      const res = await postReaction(post({ voterId: VOTER, emoji: "👍" }), w, s);
      expect(res.status).toBe(404);
      expect((await res.json()).error.message).toBe("This post does not exist.");
    }
  });

  it("answers 400, 413 and 415 with messages for bad input", async () => {
    const ws = await makeWorkspace();
    const p = await makePost(ws.id);
    const cases: Array<[Request, number, RegExp]> = [
      [post("{nope"), 400, /not valid JSON/],
      [post({ voterId: VOTER, emoji: "💩" }), 400, /Reaction must be one of/],
      [post({ voterId: "x", emoji: "👍" }), 400, /voterId/],
      [post({ voterId: VOTER, emoji: "👍", extra: 1 }), 400, /Unrecognized key/i],
      [post({ voterId: VOTER, emoji: "👍", pad: "x".repeat(2000) }), 413, /larger than 1024 bytes/],
      [post({ voterId: VOTER, emoji: "👍" }, { "content-type": "text/plain" }), 415, /application\/json/],
    ];
    for (const [req, status, message] of cases) {
      const res = await postReaction(req, ws.slug, p.slug);
      expect(res.status).toBe(status);
      expect((await res.json()).error.message).toMatch(message);
    }
    const badVoter = await getReactions(new Request("http://localhost/api?voterId=<script>"), ws.slug, p.slug);
    expect(badVoter.status).toBe(400);
  });
});
