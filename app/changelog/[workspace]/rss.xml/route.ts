import { buildRss, feedLang, feedNotFound, xmlHeaders } from "@/lib/changelog/feeds";
import { findPortal } from "@/lib/changelog/portal";

export async function GET(req: Request, { params }: { params: Promise<{ workspace: string }> }) {
  const portal = await findPortal((await params).workspace);
  if (!portal) return feedNotFound();
  return new Response(await buildRss(portal, feedLang(req)), { headers: xmlHeaders(portal, "application/rss+xml") });
}
