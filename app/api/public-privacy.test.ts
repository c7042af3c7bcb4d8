// DESIGN.md §4.1–4.2: no public endpoint stores an end user's IP address, user agent or location, and
// an identified email is never stored in plain text. Every public request carries unique markers in
// those headers; then every table of the database is dumped and searched for them.
import { describe, expect, it, vi } from "vitest";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { db } from "@/db";
import { makePost } from "@/lib/changelog/test-helpers";
import { anonymousId, eventId, liveExperience, post, sdkFixture, survey } from "@/lib/sdk/test-helpers";
import { GET as reactionsGet, POST as reactionsPost } from "./changelog/[workspace]/posts/[post]/reactions/route";
import { GET as changelogGet } from "./sdk/v1/changelog/route";
import { POST as events } from "./sdk/v1/events/route";
import { POST as identify } from "./sdk/v1/identify/route";
import { POST as resolve } from "./sdk/v1/resolve/route";

const marker = randomBytes(6).toString("hex");
const MARKED = {
  "x-forwarded-for": `203.0.113.77, 198.51.100.${marker.length}`,
  "x-real-ip": "203.0.113.78",
  "user-agent": `MarkerBrowser/${marker}`,
  "cf-ipcountry": `ZZ${marker}`,
  "x-vercel-ip-city": `City${marker}`,
  "x-vercel-ip-country": "ZZ",
  "x-vercel-ip-latitude": "12.3456",
  "cf-connecting-ip": "203.0.113.79",
  forwarded: `for=203.0.113.80;proto=https;by=${marker}`,
};
const NEEDLES = [marker, "203.0.113.", "MarkerBrowser", "12.3456"];

async function dumpEveryTable(): Promise<string> {
  const { rows } = (await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)) as unknown as { rows: Array<{ table_name: string }> };
  expect(rows.length).toBeGreaterThan(15);
  const parts: string[] = [];
  for (const { table_name } of rows) {
    const dump = (await db.execute(sql.raw(`select * from "${table_name}"`))) as unknown as { rows: unknown[] };
    parts.push(`${table_name}: ${JSON.stringify(dump.rows, (_k, v) => (typeof v === "bigint" ? String(v) : v))}`);
  }
  return parts.join("\n");
}

describe("public endpoints store no IP, user agent or location", () => {
  it("leaves none of the marked headers, and no plaintext email, anywhere in the database", async () => {
    const { workspace, key } = await sdkFixture();
    const exp = await liveExperience(workspace.id, survey());
    const postSlug = (await makePost(workspace.id, { title: "Marked post" })).slug;
    const anon = anonymousId();
    const email = `person-${marker}@example.com`;
    const h = MARKED;

    // Logged too: every SDK request at debug level (with its id and duration), nothing of the caller.
    process.env.HERALD_LOG_LEVEL = "debug";
    const logged: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (logged.push(String(chunk)), true));
    const responses = [
      await resolve(post("/api/sdk/v1/resolve", { key, anonymousId: anon, url: "https://customer.example/app", attributes: { plan: "paying" } }, h)),
      await events(post("/api/sdk/v1/events", { key, anonymousId: anon, events: [{ id: eventId(), at: Date.now(), type: "view", experienceId: exp }, { id: eventId(), at: Date.now(), type: "answer", experienceId: exp, questionId: "nps", answer: 10 }] }, h)),
      await identify(post("/api/sdk/v1/identify", { key, anonymousId: anon, userId: `user-${marker.slice(0, 3)}`, traits: { email, name: "Marker Person" } }, h)),
      await changelogGet(new Request(`http://localhost/api/sdk/v1/changelog?key=${key}`, { headers: h })),
      await reactionsPost(post(`/api/changelog/${workspace.slug}/posts/${postSlug}/reactions`, { voterId: `voter${randomBytes(8).toString("hex")}`, emoji: "🎉" }, h), { params: Promise.resolve({ workspace: workspace.slug, post: postSlug }) }),
      await reactionsGet(new Request(`http://localhost/api/changelog/${workspace.slug}/posts/${postSlug}/reactions`, { headers: h }), { params: Promise.resolve({ workspace: workspace.slug, post: postSlug }) }),
    ];
    spy.mockRestore();
    delete process.env.HERALD_LOG_LEVEL;
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const requestLines = logged.filter((l) => l.includes('"sdk.request"')).map((l) => JSON.parse(l));
    expect(requestLines.map((l) => l.route)).toEqual(["resolve", "events", "identify"]);
    expect(requestLines[0]).toMatchObject({ level: "debug", status: 200, requestId: expect.any(String), ms: expect.any(Number) });
    for (const needle of [...NEEDLES, email, anon]) expect(logged.join(""), `log holds ${needle}`).not.toContain(needle);

    const dump = await dumpEveryTable();
    expect(dump).toContain(anon); // the dump really holds what the requests wrote
    expect(dump).toContain('"plan":"paying"');
    for (const needle of NEEDLES) expect(dump, `found ${needle}`).not.toContain(needle);
    expect(dump).not.toContain(email);
    expect(dump).not.toContain("Marker Person");
  });
});
