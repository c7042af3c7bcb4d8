"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/db";
import { currentUserId } from "@/lib/auth/auth";
import { ZWorkspaceName } from "@/lib/auth/schemas";
import { fieldErrors } from "@/lib/http/workspace-action";
import type { ActionState } from "@/lib/http/action-state";
import { createWorkspace } from "@/lib/workspaces/workspaces";

export async function createWorkspaceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const userId = await currentUserId();
  if (!userId) redirect("/sign-in?callbackUrl=/onboarding");
  const parsed = z.object({ workspaceName: ZWorkspaceName }).safeParse(Object.fromEntries(form));
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error) };
  const workspace = await db.transaction((tx) => createWorkspace(tx, { name: parsed.data.workspaceName, ownerId: userId }));
  redirect(`/w/${workspace.slug}/experiences`);
}
