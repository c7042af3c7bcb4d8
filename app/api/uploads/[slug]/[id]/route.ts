import { findPortal } from "@/lib/changelog/portal";
import { readUpload } from "@/lib/changelog/uploads";
import { problem } from "@/lib/http/problem";

// Public: cover images appear on the anonymous portal. Served with their sniffed type only, never
// interpreted as a document.
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const portal = await findPortal(slug);
  const upload = portal ? await readUpload(portal.id, id) : undefined;
  if (!upload) return problem(404, "This image does not exist.");
  return new Response(new Uint8Array(upload.bytes), {
    headers: {
      "Content-Type": upload.contentType,
      "Content-Length": String(upload.bytes.byteLength),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "cross-origin",
    },
  });
}
