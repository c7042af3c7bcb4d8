import { notFound } from "next/navigation";
import { DeletePostForm, PostEditor } from "@/components/changelog/post-editor";
import type { Translations } from "@/components/dashboard/experiences/translations-panel";
import { PostStatus } from "@/components/changelog/post-status";
import { ButtonLink } from "@/components/ui/button";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { categoriesFor, getPostForEditor } from "@/lib/changelog/posts";
import { totalViews } from "@/lib/changelog/views";
import { requireMember } from "@/lib/workspaces/membership";
import { readSettings } from "@/lib/workspaces/settings";
import { deletePostAction, previewMarkdownAction, updatePostAction } from "../actions";

export const metadata = { title: "Edit changelog post" };

export default async function EditPostPage({ params, searchParams }: { params: Promise<{ slug: string; postId: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { slug, postId } = await params;
  const { workspace } = await requireMember(slug);
  const post = await getPostForEditor(workspace.id, postId);
  if (!post) notFound();
  const [categories, views] = await Promise.all([categoriesFor(workspace.id), totalViews(workspace.id, post.id)]);
  const live = post.status !== "draft" && post.publishedAt && post.publishedAt <= new Date();
  return (
    <>
      <PageHeader
        title={post.title}
        description={`${views} views`}
        actions={
          <>
            {live ? <ButtonLink href={`/changelog/${slug}/${post.slug}`} variant="secondary" target="_blank">View on portal</ButtonLink> : null}
            <ButtonLink href={`/w/${slug}/changelog`} variant="secondary">Back to posts</ButtonLink>
          </>
        }
      />
      <div className="mb-4 flex items-center gap-3 text-sm text-slate-600">
        <PostStatus status={post.status} publishedAt={post.publishedAt} />
        {post.status === "scheduled" && !live ? <span>Goes live {post.publishedAt?.toISOString().replace("T", " ").slice(0, 16)} UTC</span> : null}
      </div>
      {(await searchParams).saved ? <div className="mb-4"><Alert tone="success">Post created.</Alert></div> : null}
      <Card>
        <PostEditor
          action={updatePostAction}
          preview={previewMarkdownAction}
          workspace={slug}
          categories={categories}
          defaultLocale={readSettings(workspace.settings).defaultLocale}
          post={{
            id: post.id,
            title: post.title,
            slug: post.slug,
            body: post.body,
            category: post.category,
            status: post.status,
            publishedAt: post.publishedAt ? post.publishedAt.toISOString().slice(0, 16) : "",
            coverUploadId: post.coverUploadId ?? undefined,
            coverUrl: post.coverUploadId ? `/api/uploads/${slug}/${post.coverUploadId}` : undefined,
            translations: (post.translations ?? {}) as Translations,
          }}
        />
      </Card>
      <Card className="mt-6 flex flex-wrap items-center justify-between gap-4">
        <div>
          <h2 className="font-semibold text-slate-900">Delete this post</h2>
          <p className="text-sm text-slate-600">It disappears from the portal, the feeds and the widget, with its reactions and view counts.</p>
        </div>
        <DeletePostForm action={deletePostAction} workspace={slug} postId={post.id} title={post.title} />
      </Card>
    </>
  );
}
