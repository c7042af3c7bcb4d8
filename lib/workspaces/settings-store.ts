import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { endUserIdentities, endUsers, experienceEvents, surveyResponses, workspaces } from "@/db/schema";
import { decrypt, encrypt } from "@/lib/crypto/data-encryption";
import { fieldErrors } from "@/lib/http/field-errors";
import { ZLocale } from "@/lib/changelog/schemas";
import { invalidateSdkWorkspace } from "@/lib/sdk/workspace-cache";
import { readSettings, ZWorkspaceSettings, type TWorkspaceSettings } from "./settings";
import { SLUG_PATTERN } from "./slug";
import { newIdentitySecret } from "./workspaces";

type Saved = { ok: true } | { ok: false; fieldErrors: Record<string, string> };

export const ZWorkspaceGeneral = z.object({
  name: z.string().trim().min(1, "Enter the workspace name.").max(80, "Use at most 80 characters for the workspace name."),
  slug: z.string().trim().toLowerCase().regex(SLUG_PATTERN, "Use 1–40 lowercase letters, digits and dashes, not starting or ending with a dash."),
});

export async function updateGeneral(workspaceId: string, raw: unknown): Promise<Saved> {
  const parsed = ZWorkspaceGeneral.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const { name, slug } = parsed.data;
  const [taken] = await db.select({ id: workspaces.id }).from(workspaces).where(and(eq(workspaces.slug, slug), ne(workspaces.id, workspaceId)));
  if (taken) return { ok: false, fieldErrors: { slug: "Another workspace uses this address." } };
  await db.update(workspaces).set({ name, slug }).where(eq(workspaces.id, workspaceId));
  return { ok: true };
}

export const ZTheme = ZWorkspaceSettings.shape.theme.unwrap();
export const ZLimits = ZWorkspaceSettings.shape.limits.unwrap();

/** Replaces one part of the settings; the others keep their stored values. End users get it at once. */
async function updateSettingsPart<K extends "theme" | "limits" | "defaultLocale">(workspaceId: string, part: K, schema: z.ZodType<TWorkspaceSettings[K]>, raw: unknown): Promise<Saved> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const [row] = await db.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!row) return { ok: false, fieldErrors: { form: "Not found." } };
  const settings = { ...readSettings(row.settings), [part]: parsed.data };
  await db.update(workspaces).set({ settings }).where(eq(workspaces.id, workspaceId));
  await invalidateSdkWorkspace(workspaceId);
  return { ok: true };
}

export const updateTheme = (workspaceId: string, raw: unknown) => updateSettingsPart(workspaceId, "theme", ZTheme, raw);
/** "At most N experiences per end user per session / per day", so that nobody is flooded. */
export const updateLimits = (workspaceId: string, raw: unknown) => updateSettingsPart(workspaceId, "limits", ZLimits, raw);

/** "FR" and "pt_br" are read as fr and pt-BR, the form locale codes are compared in. */
const normaliseLocale = (s: string) => s.trim().replace("_", "-").replace(/^([A-Za-z]+)(?:-([A-Za-z]+))?$/, (_m, l: string, r?: string) => (r ? `${l.toLowerCase()}-${r.toUpperCase()}` : l.toLowerCase()));
export const ZDefaultLocale = z
  .object({ defaultLocale: z.string({ error: "Enter a language code." }).max(20, "Use a locale like fr or pt-BR.").transform(normaliseLocale).pipe(ZLocale) })
  .transform((v) => v.defaultLocale);
/** The language experiences and posts are written in; translations fall back to it. */
export const updateDefaultLocale = (workspaceId: string, raw: unknown) => updateSettingsPart(workspaceId, "defaultLocale", ZDefaultLocale, raw);

export async function setIdentityVerification(workspaceId: string, on: boolean): Promise<void> {
  await db.update(workspaces).set({ identityVerification: on }).where(eq(workspaces.id, workspaceId));
  await invalidateSdkWorkspace(workspaceId);
}

/** A new identity secret; returned once so the admin can copy it, stored only encrypted. */
export async function rotateIdentitySecret(workspaceId: string): Promise<string> {
  const secret = newIdentitySecret();
  await db.update(workspaces).set({ identitySecretEnc: encrypt(secret) }).where(eq(workspaces.id, workspaceId));
  await invalidateSdkWorkspace(workspaceId);
  return secret;
}

/** The last four characters of the current secret, so admins can tell which one their server uses. */
export async function identitySecretHint(workspaceId: string): Promise<string | null> {
  const [row] = await db.select({ enc: workspaces.identitySecretEnc }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return row ? decrypt(row.enc).slice(-4) : null;
}

/** What this workspace has collected, for the data & privacy page. */
export async function dataCounts(workspaceId: string) {
  const count = (table: typeof endUsers | typeof endUserIdentities | typeof experienceEvents | typeof surveyResponses) =>
    db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.workspaceId, workspaceId)).then((r) => r[0].n);
  const [endUserCount, identified, events, answers] = await Promise.all([
    count(endUsers),
    count(endUserIdentities),
    count(experienceEvents),
    count(surveyResponses),
  ]);
  return { endUsers: endUserCount, identified, anonymous: endUserCount - identified, events, answers };
}
