import { buildSitemap, feedNotFound, xmlHeaders } from "@/lib/changelog/feeds";
import { findPortal } from "@/lib/changelog/portal";

export async function GET(_req: Request, { params }: { params: Promise<{ workspace: string }> }) {
  const portal = await findPortal((await params).workspace);
  if (!portal) return feedNotFound();
  return new Response(await buildSitemap(portal), { headers: xmlHeaders(portal, "application/xml") });
}
