import { describe, expect, it } from "vitest";
import { makePost, makeWorkspace } from "@/lib/changelog/test-helpers";
import { GET, OPTIONS } from "./route";

describe("GET /api/sdk/v1/changelog", () => {
  it("returns the widget data to any origin, without cookies", async () => {
    const ws = await makeWorkspace();
    await makePost(ws.id, { title: "Hello widget", body: "**Bold** news" });
    const res = await GET(new Request(`http://localhost/api/sdk/v1/changelog?key=${ws.publicKey}`, { headers: { origin: "https://customer.example" } }));
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("set-cookie")).toBeNull();
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(["portalUrl", "posts"]);
    expect(body.posts[0]).toMatchObject({ title: "Hello widget", excerpt: "Bold news", category: "New" });
    expect((OPTIONS()).headers.get("access-control-allow-methods")).toContain("GET");
  });

  it("answers 404 for an unknown key and 400 without one", async () => {
    const unknown = await GET(new Request("http://localhost/api/sdk/v1/changelog?key=pk_nobodyhasthiskey"));
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("access-control-allow-origin")).toBe("*");
    const missing = await GET(new Request("http://localhost/api/sdk/v1/changelog"));
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.message).toBe("key is required.");
  });
});
