import "server-only";
// The SDK API's hot path reads a workspace's live experiences and segments from memory. Entries are
// dropped when an admin changes what end users see (invalidateSdkWorkspace, which also tells every
// other instance, see cache-invalidation.ts) and expire after a minute as a safety net.
import { and, desc, eq, inArray, isNotNull, lte } from "drizzle-orm";
import { db } from "@/db";
import { changelogPosts, experiences, segments, workspaces } from "@/db/schema";
import { decrypt } from "@/lib/crypto/data-encryption";
import { ZGoal, ZTypedContent, type TGoal, type TTypedContent } from "@/lib/experiences/content";
import { ZSegmentRules, type TGroup } from "@/lib/segments/rules-schema";
import { usesTraits } from "@/lib/segments/evaluate";
import type { TSdkGoal } from "@/lib/sdk-protocol";
import { readSettings, type TWorkspaceSettings } from "@/lib/workspaces/settings";
import { publishInvalidation, subscribeInvalidations } from "./cache-invalidation";

export type TLiveExperience = Pick<typeof experiences.$inferSelect, "id" | "type" | "translations" | "segmentId" | "trigger" | "frequency" | "priority" | "holdoutPercent"> & {
  /** Content and goal validated once, when the cache is filled. */
  typed: TTypedContent;
  goal: TGoal | null;
};

export type TSdkWorkspace = {
  id: string;
  settings: TWorkspaceSettings;
  identityVerification: boolean;
  identitySecret: string;
  experiences: TLiveExperience[];
  segments: Map<string, TGroup>;
  /** URL goals of live experiences, for the SDK to match in the browser. */
  urlGoals: TSdkGoal[];
  /** Whether any live experience's segment looks at identified traits (then identities are decrypted). */
  needsTraits: boolean;
  latestPostAt: Date | null;
};

const TTL_MS = 60_000;
const MISSING_TTL_MS = 5_000;
const MAX_ENTRIES = 5_000;

type Entry = { expires: number; value: Promise<TSdkWorkspace | null>; workspaceId?: string };
const byKey = new Map<string, Entry>();

async function load(publicKey: string): Promise<TSdkWorkspace | null> {
  const [ws] = await db
    .select({ id: workspaces.id, settings: workspaces.settings, identityVerification: workspaces.identityVerification, identitySecretEnc: workspaces.identitySecretEnc })
    .from(workspaces)
    .where(eq(workspaces.publicKey, publicKey));
  if (!ws) return null;
  const [live, [latest]] = await Promise.all([
    db
      .select({
        id: experiences.id,
        type: experiences.type,
        content: experiences.content,
        translations: experiences.translations,
        segmentId: experiences.segmentId,
        trigger: experiences.trigger,
        frequency: experiences.frequency,
        priority: experiences.priority,
        holdoutPercent: experiences.holdoutPercent,
        goal: experiences.goal,
      })
      .from(experiences)
      .where(and(eq(experiences.workspaceId, ws.id), eq(experiences.status, "live")))
      .orderBy(desc(experiences.priority), experiences.id),
    db
      .select({ at: changelogPosts.publishedAt })
      .from(changelogPosts)
      .where(and(eq(changelogPosts.workspaceId, ws.id), inArray(changelogPosts.status, ["published", "scheduled"]), isNotNull(changelogPosts.publishedAt), lte(changelogPosts.publishedAt, new Date())))
      .orderBy(desc(changelogPosts.publishedAt))
      .limit(1),
  ]);
  const segmentIds = [...new Set(live.map((e) => e.segmentId).filter((id): id is string => Boolean(id)))];
  const rows = segmentIds.length
    ? await db.select({ id: segments.id, rules: segments.rules }).from(segments).where(and(eq(segments.workspaceId, ws.id), inArray(segments.id, segmentIds)))
    : [];
  const rules = new Map<string, TGroup>();
  for (const row of rows) {
    const parsed = ZSegmentRules.safeParse(row.rules);
    if (parsed.success) rules.set(row.id, parsed.data);
  }
  const parsed = live.flatMap(({ content, goal, ...e }) => {
    // Content is validated on save; anything unreadable is left out rather than sent unrenderable.
    const typed = ZTypedContent.safeParse({ type: e.type, content });
    const parsedGoal = goal ? ZGoal.safeParse(goal) : undefined;
    return typed.success ? [{ ...e, typed: typed.data, goal: parsedGoal?.success ? parsedGoal.data : null }] : [];
  });
  return {
    id: ws.id,
    settings: readSettings(ws.settings),
    identityVerification: ws.identityVerification,
    identitySecret: decrypt(ws.identitySecretEnc),
    experiences: parsed,
    urlGoals: parsed.flatMap((e) => (e.goal?.kind === "url" ? [{ experienceId: e.id, match: e.goal.match, url: e.goal.value }] : [])),
    segments: rules,
    needsTraits: [...rules.values()].some(usesTraits),
    latestPostAt: latest?.at ?? null,
  };
}

/** The workspace with this public key, as the SDK API needs it; null when no workspace has it. */
export async function sdkWorkspace(publicKey: string, now = Date.now()): Promise<TSdkWorkspace | null> {
  subscribeInvalidations(dropWorkspace);
  const hit = byKey.get(publicKey);
  if (hit && hit.expires > now) return hit.value;
  if (byKey.size >= MAX_ENTRIES) byKey.clear();
  const entry: Entry = { expires: now + TTL_MS, value: load(publicKey) };
  byKey.set(publicKey, entry);
  try {
    const ws = await entry.value;
    entry.workspaceId = ws?.id;
    if (!ws) entry.expires = now + MISSING_TTL_MS;
    return ws;
  } catch (error) {
    byKey.delete(publicKey); // a database hiccup must not be remembered
    throw error;
  }
}

/** Forgets one workspace here (undefined: every workspace, e.g. after missed notifications). */
function dropWorkspace(workspaceId: string | undefined): void {
  if (!workspaceId) return byKey.clear();
  for (const [key, entry] of byKey) if (entry.workspaceId === workspaceId || entry.workspaceId === undefined) byKey.delete(key);
}

/** Call after any change to what a workspace's end users see: experiences, segments, theme, identity settings. */
export async function invalidateSdkWorkspace(workspaceId: string): Promise<void> {
  dropWorkspace(workspaceId);
  await publishInvalidation(workspaceId);
}
