import { buildAtom, feedLang, feedNotFound, xmlHeaders } from "@/lib/changelog/feeds";
import { findPortal } from "@/lib/changelog/portal";

export async function GET(req: Request, { params }: { params: Promise<{ workspace: string }> }) {
  const portal = await findPortal((await params).workspace);
  if (!portal) return feedNotFound();
  return new Response(await buildAtom(portal, feedLang(req)), { headers: xmlHeaders(portal, "application/atom+xml") });
}
