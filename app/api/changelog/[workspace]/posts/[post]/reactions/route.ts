import { getReactions, postReaction } from "@/lib/changelog/public-api";

type Ctx = { params: Promise<{ workspace: string; post: string }> };

export async function GET(req: Request, { params }: Ctx) {
  const { workspace, post } = await params;
  return getReactions(req, workspace, post);
}

export async function POST(req: Request, { params }: Ctx) {
  const { workspace, post } = await params;
  return postReaction(req, workspace, post);
}
