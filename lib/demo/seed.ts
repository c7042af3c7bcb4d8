import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users, workspaces } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { createWorkspace } from "@/lib/workspaces/workspaces";
import { seedDashboardDemo } from "@/lib/experiences/demo-seed";
import { seedChangelog } from "./seed-changelog";

export const DEMO = {
  email: "demo@herald.local",
  password: "herald-demo-2026",
  name: "Dana Demo",
  workspaceName: "Acme Analytics",
  workspaceSlug: "acme-analytics",
} as const;

export type DemoContext = { workspaceId: string; userId: string; publicKey: string };

/** The demo admin and workspace; idempotent (found by email and slug, created only once). */
async function seedWorkspace(): Promise<DemoContext> {
  let [user] = await db.select().from(users).where(eq(users.email, DEMO.email));
  user ??= (
    await db.insert(users).values({ email: DEMO.email, name: DEMO.name, passwordHash: await hashPassword(DEMO.password) }).returning()
  )[0];
  let [workspace] = await db.select().from(workspaces).where(eq(workspaces.slug, DEMO.workspaceSlug));
  workspace ??= await db.transaction((tx) => createWorkspace(tx, { name: DEMO.workspaceName, ownerId: user.id }));
  return { workspaceId: workspace.id, userId: user.id, publicKey: workspace.publicKey };
}

// Each domain adds its demo content here; every seeder must be idempotent.
const seeders: Array<(ctx: DemoContext) => Promise<void>> = [seedDashboardDemo, seedChangelog];

export async function seedDemo(): Promise<DemoContext> {
  const ctx = await seedWorkspace();
  for (const seed of seeders) await seed(ctx);
  return ctx;
}
