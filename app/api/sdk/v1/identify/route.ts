import { SDK_LIMITS, ZIdentifyRequest } from "@/lib/sdk-protocol";
import { identifyEndUser } from "@/lib/sdk/identify";
import { sdkJson, sdkPreflight, sdkProblem, sdkRoute } from "@/lib/sdk/public-route";

export const OPTIONS = sdkPreflight;

export const POST = sdkRoute("identify", ZIdentifyRequest, SDK_LIMITS.identifyBytes, async (input, ws) => {
  const result = await identifyEndUser(ws, input);
  return result.ok ? sdkJson({ ok: true }) : sdkProblem(result.status, result.message);
});
