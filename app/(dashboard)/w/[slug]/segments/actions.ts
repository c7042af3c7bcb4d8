"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { jsonField } from "@/lib/experiences/input";
import { workspaceAction } from "@/lib/http/workspace-action";
import { createSegment, deleteSegment, updateSegment } from "@/lib/segments/segments";

export const saveSegmentAction = workspaceAction(
  z.object({ id: z.union([z.uuid(), z.literal("")]).optional(), payload: jsonField(z.unknown(), 100_000) }),
  async ({ id, payload }, ctx) => {
    const base = `/w/${ctx.workspace.slug}/segments`;
    const saved = id ? await updateSegment(ctx.workspace.id, id, payload) : await createSegment(ctx.workspace.id, payload);
    if (!saved.ok) {
      if ("notFound" in saved) return { error: "This segment no longer exists." };
      return { error: "Please correct the highlighted fields.", fieldErrors: saved.fieldErrors };
    }
    revalidatePath(base, "layout");
    if (!id) redirect(`${base}/${saved.id}?created=1`);
    return { ok: true, message: "Saved." };
  },
);

export const deleteSegmentAction = workspaceAction(z.object({ id: z.uuid() }), async ({ id }, ctx) => {
  const result = await deleteSegment(ctx.workspace.id, id);
  if (!result.ok) return { error: result.error };
  revalidatePath(`/w/${ctx.workspace.slug}/segments`);
  redirect(`/w/${ctx.workspace.slug}/segments?deleted=1`);
});
