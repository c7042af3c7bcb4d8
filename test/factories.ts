// Test data through the real domain functions (no hand-written rows that could drift from them).
import { randomBytes } from "node:crypto";
import { db } from "@/db";
import { users } from "@/db/schema";
import { createWorkspace } from "@/lib/workspaces/workspaces";

export function uniqueEmail(prefix = "admin"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.test`;
}

/** A user (no password) who owns a fresh workspace. */
export async function createOwnerWithWorkspace(name = `Test ${randomBytes(3).toString("hex")}`) {
  const [user] = await db.insert(users).values({ email: uniqueEmail(), name: "Owner" }).returning();
  const workspace = await db.transaction((tx) => createWorkspace(tx, { name, ownerId: user.id }));
  return { user, workspace };
}

export async function createUser() {
  const [user] = await db.insert(users).values({ email: uniqueEmail("user"), name: "User" }).returning();
  return user;
}
