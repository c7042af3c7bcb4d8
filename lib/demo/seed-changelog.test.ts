import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { changelogPosts } from "@/db/schema";
import { listVisiblePosts } from "@/lib/changelog/portal";
import { makeWorkspace } from "@/lib/changelog/test-helpers";
import { seedChangelog } from "./seed-changelog";

describe("demo changelog seeder", () => {
  it("seeds published, scheduled and draft posts once", async () => {
    const ws = await makeWorkspace();
    const ctx = { workspaceId: ws.id, userId: "", publicKey: ws.publicKey };
    await seedChangelog(ctx);
    await seedChangelog(ctx);
    const all = await db.select().from(changelogPosts).where(eq(changelogPosts.workspaceId, ws.id));
    expect(all).toHaveLength(5);
    expect(new Set(all.map((p) => p.category))).toEqual(new Set(["New", "Improved", "Fixed"]));
    expect((await listVisiblePosts(ws.id)).posts.map((p) => p.slug)).toEqual(["dark-mode", "faster-csv-exports", "timezone-fix"]);
    const [draft] = await db.select().from(changelogPosts).where(and(eq(changelogPosts.workspaceId, ws.id), eq(changelogPosts.status, "draft")));
    expect(draft.slug).toBe("usage-based-alerts");
  });
});
