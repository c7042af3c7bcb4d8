"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { erasePerson } from "@/lib/end-users/person";
import { workspaceAction } from "@/lib/http/workspace-action";
import { MANAGERS } from "@/lib/workspaces/membership";

export const erasePersonAction = workspaceAction(
  z.object({ id: z.uuid() }),
  async ({ id }, ctx) => {
    if (!(await erasePerson(ctx.workspace.id, ctx.userId, id))) return { error: "This end user no longer exists." };
    revalidatePath(`/w/${ctx.workspace.slug}`, "layout");
    return { ok: true, message: "Personal data erased. Their answers remain, anonymously." };
  },
  { roles: MANAGERS },
);
