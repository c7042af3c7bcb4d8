"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

const ACCEPT = "image/png,image/jpeg,image/webp,image/gif";

/** Uploads a cover image at once (its own request, so the post form stays small) and keeps its id. */
export function CoverUpload({ workspace, initialId, initialUrl, error }: { workspace: string; initialId?: string; initialUrl?: string; error?: string }) {
  const [cover, setCover] = useState<{ id: string; url: string } | null>(initialId && initialUrl ? { id: initialId, url: initialUrl } : null);
  const [message, setMessage] = useState(error ?? "");
  const [busy, setBusy] = useState(false);

  async function upload(file: File) {
    setBusy(true);
    setMessage("");
    try {
      const res = await fetch(`/api/uploads/${workspace}`, { method: "POST", body: file, headers: { "Content-Type": file.type || "application/octet-stream" } });
      const data = await res.json();
      if (res.ok) setCover({ id: data.id, url: data.url });
      else setMessage(data?.error?.message ?? "The image could not be uploaded.");
    } catch {
      setMessage("The image could not be uploaded. Check your connection.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-2">
      <label htmlFor="cover-file" className="block text-sm font-medium text-slate-700">Cover image</label>
      <input type="hidden" name="coverUploadId" value={cover?.id ?? ""} />
      {cover ? (
        // eslint-disable-next-line @next/next/no-img-element -- a user upload of unknown size, served by our own route
        <img src={cover.url} alt="Cover preview" className="max-h-48 rounded-md ring-1 ring-slate-200" />
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <input
          id="cover-file"
          type="file"
          accept={ACCEPT}
          disabled={busy}
          aria-describedby="cover-hint"
          aria-invalid={message ? true : undefined}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void upload(file);
            e.currentTarget.value = "";
          }}
          className="text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-semibold"
        />
        {cover ? <Button type="button" variant="ghost" onClick={() => setCover(null)}>Remove cover</Button> : null}
      </div>
      <p id="cover-hint" className="text-xs text-slate-500">{busy ? "Uploading…" : "PNG, JPEG, WebP or GIF, at most 2 MB."}</p>
      {message ? <p role="alert" className="text-sm text-red-600">{message}</p> : null}
    </div>
  );
}
