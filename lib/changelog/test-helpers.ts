// Fixtures for the changelog's integration tests (imported by *.test.ts only).
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users, workspaces } from "@/db/schema";
import { createWorkspace } from "@/lib/workspaces/workspaces";
import { createPost } from "./posts";
import type { TPostInput } from "./schemas";

export async function makeWorkspace(settings?: Record<string, unknown>) {
  const suffix = randomBytes(4).toString("hex");
  const [user] = await db.insert(users).values({ email: `owner-${suffix}@example.test` }).returning();
  const workspace = await db.transaction((tx) => createWorkspace(tx, { name: `Changelog ${suffix}`, ownerId: user.id }));
  if (settings) await db.update(workspaces).set({ settings }).where(eq(workspaces.id, workspace.id));
  return workspace;
}

export async function makePost(workspaceId: string, input: Partial<TPostInput> = {}) {
  const result = await createPost(workspaceId, { title: "A post", body: "Body", category: "New", status: "published", ...input });
  if (!result.ok) throw new Error(`createPost failed: ${JSON.stringify(result)}`);
  return result;
}

export const HOUR = 3_600_000;
