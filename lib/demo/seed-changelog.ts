import "server-only";
// Demo changelog: published posts across categories, one scheduled in the future, one draft.
// Idempotent: a post whose slug exists is left alone.
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { changelogPosts } from "@/db/schema";
import { createPost } from "@/lib/changelog/posts";
import type { TPostInput } from "@/lib/changelog/schemas";
import type { DemoContext } from "./seed";

const DAY = 86_400_000;

function posts(now: number): TPostInput[] {
  return [
    {
      slug: "dark-mode",
      title: "Dark mode is here",
      category: "New",
      status: "published",
      publishedAt: new Date(now - 2 * DAY),
      body: "Your dashboards now follow your system theme.\n\n- Switch any time under **Settings → Appearance**\n- Charts keep their contrast in both themes",
      translations: { fr: { title: "Le mode sombre est arrivé", body: "Vos tableaux de bord suivent désormais le thème de votre système." } },
    },
    {
      slug: "faster-csv-exports",
      title: "CSV exports are three times faster",
      category: "Improved",
      status: "published",
      publishedAt: new Date(now - 9 * DAY),
      body: "Exports of large reports now stream as they are generated, so a 100,000-row export starts downloading at once.",
    },
    {
      slug: "timezone-fix",
      title: "Reports respect your time zone again",
      category: "Fixed",
      status: "published",
      publishedAt: new Date(now - 16 * DAY),
      body: "Daily reports were cut at midnight UTC instead of your workspace's time zone. They now match what you see in the dashboard.",
    },
    {
      slug: "saml-single-sign-on",
      title: "SAML single sign-on",
      category: "New",
      status: "scheduled",
      publishedAt: new Date(now + 14 * DAY),
      body: "Sign in with Okta, Azure AD or any SAML 2.0 identity provider.",
    },
    {
      slug: "usage-based-alerts",
      title: "Usage-based alerts (draft)",
      category: "New",
      status: "draft",
      body: "Get an email when a metric crosses a threshold you choose.",
    },
  ];
}

export async function seedChangelog(ctx: DemoContext): Promise<void> {
  for (const post of posts(Date.now())) {
    const [existing] = await db
      .select({ id: changelogPosts.id })
      .from(changelogPosts)
      .where(and(eq(changelogPosts.workspaceId, ctx.workspaceId), eq(changelogPosts.slug, post.slug!)));
    if (existing) continue;
    const result = await createPost(ctx.workspaceId, post);
    if (!result.ok) throw new Error(`Demo changelog post ${post.slug}: ${result.error} ${JSON.stringify(result.fieldErrors)}`);
  }
}
