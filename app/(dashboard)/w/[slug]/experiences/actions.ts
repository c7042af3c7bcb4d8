"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createExperience, duplicateExperience, moveExperience, STATUS_MOVES, updateExperience } from "@/lib/experiences/experiences";
import { jsonField } from "@/lib/experiences/input";
import { workspaceAction } from "@/lib/http/workspace-action";

// The SDK's cache of live experiences (lib/sdk/, from the SDK work) is to be invalidated after each
// change below once it exists; see the branch report.

export const saveExperienceAction = workspaceAction(
  z.object({ id: z.union([z.uuid(), z.literal("")]).optional(), payload: jsonField(z.unknown()) }),
  async ({ id, payload }, ctx) => {
    const base = `/w/${ctx.workspace.slug}/experiences`;
    if (!id) {
      const created = await createExperience(ctx.workspace.id, payload);
      if (!created.ok) return { error: "Please correct the highlighted fields.", fieldErrors: created.fieldErrors };
      revalidatePath(base);
      redirect(`${base}/${created.id}?created=1`);
    }
    const saved = await updateExperience(ctx.workspace.id, id, payload);
    if (!saved.ok) {
      if ("notFound" in saved) return { error: "This experience no longer exists." };
      return { error: saved.fieldErrors.form ?? "Please correct the highlighted fields.", fieldErrors: saved.fieldErrors };
    }
    revalidatePath(base, "layout");
    return { ok: true, message: "Saved." };
  },
);

export const moveExperienceAction = workspaceAction(z.object({ id: z.uuid(), move: z.enum(STATUS_MOVES) }), async ({ id, move }, ctx) => {
  const result = await moveExperience(ctx.workspace.id, id, move);
  if (!result.ok) return { error: result.error };
  revalidatePath(`/w/${ctx.workspace.slug}/experiences`, "layout");
  return { ok: true, message: `Status: ${result.status}.` };
});

export const duplicateExperienceAction = workspaceAction(z.object({ id: z.uuid() }), async ({ id }, ctx) => {
  const copy = await duplicateExperience(ctx.workspace.id, id);
  if (!copy) return { error: "This experience no longer exists." };
  revalidatePath(`/w/${ctx.workspace.slug}/experiences`);
  redirect(`/w/${ctx.workspace.slug}/experiences/${copy}?duplicated=1`);
});
