import { workspaceRoute } from "@/lib/http/workspace-route";
import { problem } from "@/lib/http/problem";
import { readBodyCapped } from "@/lib/http/read-json";
import { MAX_UPLOAD_BYTES, saveUpload } from "@/lib/changelog/uploads";

// POST the raw image bytes (any member may upload covers); answers { id, url, contentType, size }.
export const POST = workspaceRoute({}, async (_input, ctx, req) => {
  const bytes = await readBodyCapped(req, MAX_UPLOAD_BYTES);
  if (!bytes) return problem(413, "Images can be at most 2 MB.");
  const saved = await saveUpload(ctx.workspace.id, bytes);
  if (!saved.ok) return problem(saved.status, saved.message);
  return Response.json(
    { id: saved.id, url: `/api/uploads/${ctx.workspace.slug}/${saved.id}`, contentType: saved.contentType, size: saved.size },
    { status: 201 },
  );
});
