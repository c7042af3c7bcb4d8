import { z } from "zod";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { countMatching } from "@/lib/segments/match-count";
import { ZSegmentRules } from "@/lib/segments/rules-schema";

export const POST = workspaceRoute({ schema: z.object({ rules: ZSegmentRules }).strict() }, async ({ rules }, ctx) =>
  Response.json(await countMatching(ctx.workspace.id, rules)),
);
