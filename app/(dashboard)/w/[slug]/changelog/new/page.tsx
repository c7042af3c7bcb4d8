import { PostEditor } from "@/components/changelog/post-editor";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { categoriesFor } from "@/lib/changelog/posts";
import { requireMember } from "@/lib/workspaces/membership";
import { readSettings } from "@/lib/workspaces/settings";
import { createPostAction, previewMarkdownAction } from "../actions";

export const metadata = { title: "New changelog post" };

export default async function NewPostPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace } = await requireMember(slug);
  return (
    <>
      <PageHeader title="New post" actions={<ButtonLink href={`/w/${slug}/changelog`} variant="secondary">Back to posts</ButtonLink>} />
      <Card>
        <PostEditor action={createPostAction} preview={previewMarkdownAction} workspace={slug} categories={await categoriesFor(workspace.id)} defaultLocale={readSettings(workspace.settings).defaultLocale} />
      </Card>
    </>
  );
}
