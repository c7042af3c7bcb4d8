"use client";

import { useState, useTransition } from "react";
import { ActionForm } from "@/components/dashboard/action-form";
import { TranslationsPanel, type Translations } from "@/components/dashboard/experiences/translations-panel";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import type { ActionState } from "@/lib/http/action-state";
import { CoverUpload } from "./cover-upload";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

export type EditorPost = {
  id: string;
  title: string;
  slug: string;
  body: string;
  category: string;
  status: "draft" | "scheduled" | "published";
  /** "YYYY-MM-DDTHH:mm" in UTC, for the datetime-local input. */
  publishedAt: string;
  coverUploadId?: string;
  coverUrl?: string;
  translations: Translations;
};

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? <p id={id} className="text-sm text-red-600">{message}</p> : null;
}

export function PostEditor({
  action,
  preview,
  workspace,
  categories,
  defaultLocale,
  post,
}: {
  action: Action;
  preview: (workspace: string, body: string) => Promise<string>;
  workspace: string;
  categories: string[];
  defaultLocale: string;
  post?: EditorPost;
}) {
  const [title, setTitle] = useState(post?.title ?? "");
  const [body, setBody] = useState(post?.body ?? "");
  const [translations, setTranslations] = useState<Translations>(post?.translations ?? {});
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [html, setHtml] = useState("");
  const [rendering, startRendering] = useTransition();
  const options = post && !categories.includes(post.category) ? [post.category, ...categories] : categories;

  function showPreview() {
    setTab("preview");
    startRendering(async () => setHtml(await preview(workspace, body)));
  }

  return (
    <ActionForm action={action} workspace={workspace} className="space-y-6">
      {(state, pending) => {
        const e = state.fieldErrors ?? {};
        return (
          <>
            {post ? <input type="hidden" name="postId" value={post.id} /> : null}
            <Field label="Title" name="title" value={title} onChange={(ev) => setTitle(ev.target.value)} required maxLength={160} error={e.title} />
            <Field label="Slug" name="slug" defaultValue={post?.slug} maxLength={80} error={e.slug} hint="The post's address on the portal. Leave empty to generate it from the title." />
            <div className="grid gap-4 sm:grid-cols-3">
              <div className="space-y-1">
                <label htmlFor="post-category" className="block text-sm font-medium text-slate-700">Category</label>
                <select id="post-category" name="category" defaultValue={post?.category ?? options[0]} className={inputClass} aria-invalid={e.category ? true : undefined} aria-describedby="post-category-error">
                  {options.map((c) => <option key={c} value={c}>{c}</option>)}
                </select>
                <FieldError id="post-category-error" message={e.category} />
              </div>
              <div className="space-y-1">
                <label htmlFor="post-status" className="block text-sm font-medium text-slate-700">Status</label>
                <select id="post-status" name="status" defaultValue={post?.status ?? "draft"} className={inputClass} aria-invalid={e.status ? true : undefined}>
                  <option value="draft">Draft</option>
                  <option value="scheduled">Scheduled</option>
                  <option value="published">Published</option>
                </select>
                <FieldError id="post-status-error" message={e.status} />
              </div>
              <Field label="Publication date (UTC)" name="publishedAt" type="datetime-local" defaultValue={post?.publishedAt} error={e.publishedAt} hint="Empty when publishing means now." />
            </div>
            <CoverUpload workspace={workspace} initialId={post?.coverUploadId} initialUrl={post?.coverUrl} error={e.coverUploadId} />
            <div className="space-y-2">
              <div className="flex items-center justify-between">
                <label htmlFor="post-body" className="block text-sm font-medium text-slate-700">Body (Markdown)</label>
                <div role="tablist" aria-label="Body view" className="flex gap-1 text-sm">
                  <button type="button" role="tab" aria-selected={tab === "write"} onClick={() => setTab("write")} className={`rounded px-3 py-1 ${tab === "write" ? "bg-slate-200 font-semibold" : "text-slate-600"}`}>Write</button>
                  <button type="button" role="tab" aria-selected={tab === "preview"} onClick={showPreview} className={`rounded px-3 py-1 ${tab === "preview" ? "bg-slate-200 font-semibold" : "text-slate-600"}`}>Preview</button>
                </div>
              </div>
              <textarea
                id="post-body"
                name="body"
                rows={16}
                maxLength={50_000}
                value={body}
                onChange={(ev) => setBody(ev.target.value)}
                hidden={tab !== "write"}
                aria-invalid={e.body ? true : undefined}
                className={`${inputClass} font-mono`}
              />
              {tab === "preview" ? (
                <div
                  role="tabpanel"
                  aria-label="Preview"
                  aria-busy={rendering}
                  className="min-h-40 space-y-3 rounded-md bg-white p-4 ring-1 ring-slate-200 [&_a]:text-brand-700 [&_a]:underline [&_h1]:text-2xl [&_h1]:font-bold [&_h2]:text-xl [&_h2]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_ul]:list-disc"
                  // Sanitized on the server by lib/markdown/render.
                  dangerouslySetInnerHTML={{ __html: rendering ? "<p>Rendering…</p>" : html || "<p>Nothing to preview yet.</p>" }}
                />
              ) : null}
              <FieldError id="post-body-error" message={e.body} />
            </div>
            {/* The same side-by-side editor as experiences; readers get the one matching ?lang= or their browser's language. */}
            <TranslationsPanel content={{ title, body }} translations={translations} defaultLocale={defaultLocale} onChange={setTranslations}
              err={(path) => e[path] ?? (path === "translations" ? e.translations : undefined)} />
            <input type="hidden" name="translations" value={Object.keys(translations).length ? JSON.stringify(translations) : ""} />
            <div className="flex justify-end">
              <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save post"}</Button>
            </div>
          </>
        );
      }}
    </ActionForm>
  );
}

export function DeletePostForm({ action, workspace, postId, title }: { action: Action; workspace: string; postId: string; title: string }) {
  return (
    <ActionForm action={action} workspace={workspace} className="flex flex-col items-end gap-2" confirm={`Delete “${title}”? This cannot be undone.`}>
      {(_s, pending) => (
        <>
          <input type="hidden" name="postId" value={postId} />
          <Button type="submit" variant="danger" disabled={pending}>{pending ? "Deleting…" : "Delete post"}</Button>
        </>
      )}
    </ActionForm>
  );
}
