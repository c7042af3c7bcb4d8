// The public changelog portal under load: server response time of the index with 500 posts (p50 target
// ≤ 100 ms) and the JavaScript it ships (target: Next.js's runtime plus the reaction button only).
// Seeds a scratch PostgreSQL database and runs `next start` of the built app on loopback; bounded in time.
//   npx tsx --conditions=react-server bench/changelog-portal.bench.ts      (after `npm run build`)
import { gzipSync } from "node:zlib";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { changelogPosts, postReactions, workspaces } from "../db/schema";
import { benchDatabase } from "./lib/bench-database";
import { requireBuild, startNextServer } from "./lib/next-server";
import { runBench } from "./lib/run-bench";

const POSTS = 500;
const REQUESTS = 200;
const TIME_LIMIT_MS = 180_000;
const SLUG = "bench-portal";

async function seed(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const db = drizzle({ client: pool });
  const [ws] = await db.insert(workspaces).values({ name: "Bench Co", slug: SLUG, publicKey: "pk_bench0000000000000000", identitySecretEnc: "unused" }).returning();
  const categories = ["New", "Improved", "Fixed"];
  const now = Date.now();
  const rows = Array.from({ length: POSTS }, (_, i) => ({
    workspaceId: ws.id,
    slug: `post-${i}`,
    title: `Update number ${i}: something shipped`,
    body: `## What changed\n\n${"We improved **this** and [that](https://example.com) for everyone. ".repeat(20)}\n\n- one\n- two\n- three`,
    category: categories[i % 3],
    status: "published" as const,
    publishedAt: new Date(now - i * 3_600_000),
  }));
  const posts = await db.insert(changelogPosts).values(rows).returning({ id: changelogPosts.id });
  const reactions = posts.flatMap((p, i) => ["👍", "🎉", "❤️"].slice(0, i % 4).map((emoji, j) => ({ workspaceId: ws.id, postId: p.id, voterId: `bench-voter-${i}-${j}-000000`, emoji })));
  await db.insert(postReactions).values(reactions);
  await pool.end();
}

async function timeRequests(url: string, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** External scripts a page references, with their code. */
async function scripts(base: string, path: string): Promise<Map<string, string>> {
  const html = await (await fetch(`${base}${path}`)).text();
  const srcs = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));
  const out = new Map<string, string>();
  for (const src of new Set(srcs)) out.set(src, await (await fetch(new URL(src, base))).text());
  return out;
}

const size = (code: Iterable<string>) => {
  let raw = 0;
  let gz = 0;
  for (const c of code) {
    raw += Buffer.byteLength(c);
    gz += gzipSync(c).length;
  }
  return `${(raw / 1024).toFixed(1)} KiB (${(gz / 1024).toFixed(1)} KiB gzip)`;
};

runBench(TIME_LIMIT_MS + 30_000, async (defer) => {
  requireBuild();
  const deadline = Date.now() + TIME_LIMIT_MS;
  const url = await benchDatabase(defer);
  await seed(url);
  const base = await startNextServer(defer, url, deadline);
  const index = `${base}/changelog/${SLUG}`;
  await timeRequests(index, 20); // warm-up: JIT, connection pool, route compilation caches
  const times = await timeRequests(index, REQUESTS);
  const page2 = await timeRequests(`${index}?page=25&category=Fixed`, 50);
  const search = await timeRequests(`${index}?q=number%2049`, 50);

  const indexScripts = await scripts(base, `/changelog/${SLUG}`);
  const postScripts = await scripts(base, `/changelog/${SLUG}/post-0`);
  // Next.js's own runtime: the scripts every page references, whatever its content (here the
  // marketing home and the sign-in page, which have their own, different client components).
  const [home, signIn] = [await scripts(base, "/"), await scripts(base, "/sign-in")];
  const runtime = new Set([...home.keys()].filter((s) => signIn.has(s)));
  const indexExtra = [...indexScripts.keys()].filter((s) => !runtime.has(s));
  const postExtra = [...postScripts.keys()].filter((s) => !runtime.has(s));
  const reactionOnly = postExtra.length > 0 && postExtra.every((s) => postScripts.get(s)!.includes("herald.voterId"));

  const p50 = pct(times, 50);
  console.log(`changelog portal index, ${POSTS} posts, ${REQUESTS} sequential requests:`);
  console.log(`  p50 ${p50.toFixed(1)} ms · p95 ${pct(times, 95).toFixed(1)} ms · max ${times.at(-1)!.toFixed(1)} ms (target p50 ≤ 100 ms)`);
  console.log(`  category + page 25: p50 ${pct(page2, 50).toFixed(1)} ms · search: p50 ${pct(search, 50).toFixed(1)} ms`);
  console.log(`Next.js runtime (scripts common to every page): ${runtime.size} scripts, ${size([...runtime].map((s) => indexScripts.get(s) ?? home.get(s)!))}`);
  console.log(`JavaScript referenced by the index: ${indexScripts.size} scripts, ${size(indexScripts.values())}; beyond the runtime: ${indexExtra.length} scripts, ${size(indexExtra.map((s) => indexScripts.get(s)!))}`);
  console.log(`JavaScript referenced by a post page: ${postScripts.size} scripts, ${size(postScripts.values())}; beyond the runtime: ${postExtra.length} scripts, ${size(postExtra.map((s) => postScripts.get(s)!))} (the reaction button: ${reactionOnly ? "yes" : "no"})`);
  const jsOk = indexExtra.length === 0 && reactionOnly;
  const ok = p50 <= 100 && jsOk;
  console.log(ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
});
