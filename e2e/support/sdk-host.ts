// Seeding and reading for the SDK end-to-end specs: a workspace signed up through the UI, live
// experiences inserted as the dashboard's publish would leave them, and the customer page
// (e2e/host/) that embeds the SDK from another origin.
import { expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { signUp } from "./accounts";
import { query } from "./db";
import { E2E } from "./ports";

export type TSdkWorkspace = { id: string; slug: string; publicKey: string };

export async function sdkWorkspace(page: Page): Promise<TSdkWorkspace> {
  const admin = await signUp(page);
  const [ws] = await query<{ id: string; public_key: string }>("select id, public_key from workspaces where slug = $1", [admin.slug]);
  return { id: ws.id, slug: admin.slug, publicKey: ws.public_key };
}

/** Tells the SDK API's workspace cache, as every dashboard change does (lib/sdk/cache-invalidation.ts). */
export const invalidateSdkCache = (wsId: string) => query("select pg_notify('herald_sdk_cache', $1)", [wsId]);

type TSeed = { type: string; content: unknown; frequency?: "once" | "until_completed" | "every_session"; priority?: number; segmentId?: string; trigger?: unknown };

export async function liveExperience(wsId: string, e: TSeed): Promise<string> {
  const [row] = await query<{ id: string }>(
    `insert into experiences (workspace_id, type, name, status, content, frequency, priority, segment_id, trigger, published_at)
     values ($1, $2, $3, 'live', $4, $5, $6, $7, $8, now()) returning id`,
    [wsId, e.type, `${e.type} ${randomBytes(3).toString("hex")}`, JSON.stringify(e.content), e.frequency ?? "once", e.priority ?? 0, e.segmentId ?? null, JSON.stringify(e.trigger ?? { match: "any" })],
  );
  await invalidateSdkCache(wsId);
  return row.id;
}

export function hostUrl(publicKey: string, path = "/"): string {
  return `${E2E.hostUrl}${path}?key=${publicKey}&app=${encodeURIComponent(E2E.appUrl)}`;
}

/** Opens the customer's page and waits for the SDK's first answer from /resolve. */
export async function openHost(page: Page, publicKey: string, path = "/") {
  const resolved = page.waitForResponse((r) => r.url().endsWith("/api/sdk/v1/resolve"));
  await page.goto(hostUrl(publicKey, path));
  const res = await resolved;
  expect(res.status()).toBe(200);
  return (await res.json()) as { experiences: { id: string }[] };
}

export async function storedAnonymousId(page: Page): Promise<string> {
  const id = await page.evaluate(() => localStorage.getItem("herald.anonymousId"));
  expect(id).toMatch(/^[\w-]{8,64}$/);
  return id!;
}

/** The end user behind an anonymous id (directly or, after identify merged it, as an alias). */
export async function endUserOf(wsId: string, anonymousId: string) {
  const rows = await query<{ id: string; external_id: string | null; attributes: Record<string, unknown> }>(
    `select id, external_id, attributes from end_users where workspace_id = $1
       and (anonymous_id = $2 or id in (select end_user_id from end_user_aliases where workspace_id = $1 and anonymous_id = $2))`,
    [wsId, anonymousId],
  );
  return rows[0];
}

/** Event types recorded for one experience, sorted (several may share a millisecond). */
export async function eventTypes(experienceId: string): Promise<string[]> {
  const rows = await query<{ type: string; step: number | null }>("select type, step from experience_events where experience_id = $1", [experienceId]);
  return rows.map((r) => (r.step === null ? r.type : `${r.type}:${r.step}`)).sort();
}
