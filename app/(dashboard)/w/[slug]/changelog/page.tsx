import Link from "next/link";
import { PostStatus } from "@/components/changelog/post-status";
import { ButtonLink } from "@/components/ui/button";
import { Alert, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { listPostsForEditor } from "@/lib/changelog/posts";
import { requireMember } from "@/lib/workspaces/membership";

export const metadata = { title: "Changelog" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function ChangelogPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string; deleted?: string }> }) {
  const { slug } = await params;
  const sp = await searchParams;
  const { workspace } = await requireMember(slug);
  const { posts, total, page, pageCount } = await listPostsForEditor(workspace.id, Number(sp.page ?? 1));
  const portal = `/changelog/${slug}`;
  const actions = (
    <>
      <ButtonLink href={portal} variant="secondary" target="_blank">Open portal</ButtonLink>
      <ButtonLink href={`/w/${slug}/changelog/new`}>New post</ButtonLink>
    </>
  );
  return (
    <>
      <PageHeader title="Changelog" description="Posts for your public changelog portal, its feeds and the in-app widget." actions={actions} />
      {sp.deleted ? <div className="mb-4"><Alert tone="success">Post deleted.</Alert></div> : null}
      {total === 0 ? (
        <EmptyState title="No posts yet" description="Write your first update: readers see it on your portal without signing in." action={<ButtonLink href={`/w/${slug}/changelog/new`}>Write a post</ButtonLink>} />
      ) : (
        <Card className="overflow-x-auto p-0">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Changelog posts of {workspace.name}</caption>
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-6 py-3">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Category</th>
                <th scope="col">Publication (UTC)</th>
                <th scope="col" className="text-right">Views</th>
                <th scope="col" className="px-6 text-right">Reactions</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {posts.map((p) => (
                <tr key={p.id}>
                  <td className="px-6 py-3 font-medium">
                    <Link href={`/w/${slug}/changelog/${p.id}`} className="text-brand-700 hover:underline">{p.title}</Link>
                    <div className="text-xs text-slate-500">/{p.slug}</div>
                  </td>
                  <td><PostStatus status={p.status} publishedAt={p.publishedAt} /></td>
                  <td>{p.category}</td>
                  <td>{p.publishedAt ? dateFormat.format(p.publishedAt) : "—"}</td>
                  <td className="text-right tabular-nums">{p.views}</td>
                  <td className="px-6 text-right tabular-nums">{p.reactions}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pageCount > 1 ? (
            <nav aria-label="Pagination" className="flex items-center justify-between border-t border-slate-100 px-6 py-3 text-sm">
              {page > 1 ? <Link href={`?page=${page - 1}`} className="font-semibold text-brand-700">← Previous</Link> : <span />}
              <span className="text-slate-500">Page {page} of {pageCount} · {total} posts</span>
              {page < pageCount ? <Link href={`?page=${page + 1}`} className="font-semibold text-brand-700">Next →</Link> : <span />}
            </nav>
          ) : null}
        </Card>
      )}
    </>
  );
}
