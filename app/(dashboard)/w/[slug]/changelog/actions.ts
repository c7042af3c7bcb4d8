"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createPost, deletePost, updatePost } from "@/lib/changelog/posts";
import type { TPostInput } from "@/lib/changelog/schemas";
import { workspaceAction } from "@/lib/http/workspace-action";
import { renderMarkdown } from "@/lib/markdown/render";
import { requireMember } from "@/lib/workspaces/membership";

// The post fields are validated by createPost/updatePost (ZPostInput plus database checks), which
// answer with per-field messages; here only the post id is parsed.
const ZPostForm = z.looseObject({});
const ZPostUpdateForm = z.looseObject({ postId: z.uuid("This post no longer exists.") });

function refresh(slug: string) {
  revalidatePath(`/w/${slug}/changelog`);
  revalidatePath(`/changelog/${slug}`, "layout");
}

export const createPostAction = workspaceAction(ZPostForm, async (input, ctx) => {
  const result = await createPost(ctx.workspace.id, input as TPostInput);
  if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
  refresh(ctx.workspace.slug);
  redirect(`/w/${ctx.workspace.slug}/changelog/${result.id}?saved=created`);
});

export const updatePostAction = workspaceAction(ZPostUpdateForm, async ({ postId, ...input }, ctx) => {
  const result = await updatePost(ctx.workspace.id, postId, input as TPostInput);
  if (!result) return { error: "This post no longer exists." };
  if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
  refresh(ctx.workspace.slug);
  return { ok: true, message: "Post saved." };
});

export const deletePostAction = workspaceAction(z.object({ postId: z.uuid("This post no longer exists.") }), async ({ postId }, ctx) => {
  if (!(await deletePost(ctx.workspace.id, postId))) return { error: "This post no longer exists." };
  refresh(ctx.workspace.slug);
  redirect(`/w/${ctx.workspace.slug}/changelog?deleted=1`);
});

/** The editor's preview: the same sanitized HTML the portal shows. */
export async function previewMarkdownAction(workspace: string, body: string): Promise<string> {
  await requireMember(String(workspace));
  return renderMarkdown(String(body).slice(0, 50_000));
}
