import { z } from "zod";
import { problem } from "@/lib/http/problem";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { countMatching, type TEvaluator } from "@/lib/segments/match-count";
import { ZSegmentRules } from "@/lib/segments/rules-schema";

// The rule engine is lib/segments/evaluate.ts from the SDK work; until it is merged in, there is
// nothing to count with and the editor says so. Wiring: `import { evaluate } from "@/lib/segments/evaluate"`.
const evaluator: TEvaluator | null = null;

export const POST = workspaceRoute({ schema: z.object({ rules: ZSegmentRules }).strict() }, async ({ rules }, ctx) => {
  if (!evaluator) return problem(503, "The live count is unavailable until the segment rule engine is installed.");
  return Response.json(await countMatching(ctx.workspace.id, rules, evaluator));
});
