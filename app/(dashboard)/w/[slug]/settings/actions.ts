"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { workspaceAction } from "@/lib/http/workspace-action";
import { MANAGERS } from "@/lib/workspaces/membership";
import { rotateIdentitySecret, setIdentityVerification, updateDefaultLocale, updateGeneral, updateLimits, updateTheme } from "@/lib/workspaces/settings-store";

// Settings change what every end user gets: owners and admins only, checked here on the server.
const managers = { roles: MANAGERS };
const anyString = z.string().max(2_000).optional();

export const updateGeneralAction = workspaceAction(
  z.object({ name: anyString, slug: anyString }),
  async (input, ctx) => {
    const saved = await updateGeneral(ctx.workspace.id, input);
    if (!saved.ok) return { error: "Please correct the highlighted fields.", fieldErrors: saved.fieldErrors };
    const slug = String(input.slug).trim().toLowerCase();
    revalidatePath("/", "layout");
    if (slug !== ctx.workspace.slug) redirect(`/w/${slug}/settings?saved=1`);
    return { ok: true, message: "Saved." };
  },
  managers,
);

export const updateLocaleAction = workspaceAction(
  z.object({ defaultLocale: anyString }),
  async (input, ctx) => {
    const saved = await updateDefaultLocale(ctx.workspace.id, input);
    if (!saved.ok) return { error: "Please correct the highlighted fields.", fieldErrors: saved.fieldErrors };
    revalidatePath(`/w/${ctx.workspace.slug}`, "layout");
    return { ok: true, message: "Default language saved." };
  },
  managers,
);

/** The theme page holds two forms (colours, limits): each saves one settings part, then refreshes the page. */
function themePageAction<S extends z.ZodType>(schema: S, save: typeof updateTheme, message: string) {
  return workspaceAction(
    schema,
    async (input, ctx) => {
      const saved = await save(ctx.workspace.id, input);
      if (!saved.ok) return { error: "Please correct the highlighted fields.", fieldErrors: saved.fieldErrors };
      revalidatePath(`/w/${ctx.workspace.slug}/settings/theme`);
      return { ok: true, message };
    },
    managers,
  );
}

export const updateThemeAction = themePageAction(z.object({ primaryColor: anyString, textColor: anyString, backgroundColor: anyString }), updateTheme, "Theme saved.");
export const updateLimitsAction = themePageAction(z.object({ maxPerSession: anyString, maxPerDay: anyString }), updateLimits, "Limits saved.");

export const identityVerificationAction = workspaceAction(
  z.object({ enabled: z.enum(["on", "off"]) }),
  async ({ enabled }, ctx) => {
    await setIdentityVerification(ctx.workspace.id, enabled === "on");
    revalidatePath(`/w/${ctx.workspace.slug}/settings/identity`);
    return { ok: true, message: enabled === "on" ? "Identity verification is on: identify calls without a valid hash are refused." : "Identity verification is off." };
  },
  managers,
);

/** The new secret travels back once, in the action's message; afterwards only its last four characters show. */
export const rotateSecretAction = workspaceAction(
  z.object({}),
  async (_input, ctx) => {
    const secret = await rotateIdentitySecret(ctx.workspace.id);
    revalidatePath(`/w/${ctx.workspace.slug}/settings/identity`);
    return { ok: true, message: `New secret (shown once, copy it to your server now): ${secret}` };
  },
  managers,
);
