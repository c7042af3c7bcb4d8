import "server-only";
// "Has the SDK been seen on the customer's site?" (settings page): one write per workspace per
// minute at most, whatever the traffic. Only a time is stored, never where the request came from.
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { workspaces } from "@/db/schema";

const EVERY_MS = 60_000;
const written = new Map<string, number>();

export async function markSdkSeen(workspaceId: string, now = Date.now()): Promise<void> {
  if (now - (written.get(workspaceId) ?? 0) < EVERY_MS) return;
  if (written.size > 10_000) written.clear();
  written.set(workspaceId, now);
  await db.update(workspaces).set({ sdkLastSeenAt: new Date(now) }).where(eq(workspaces.id, workspaceId));
}
