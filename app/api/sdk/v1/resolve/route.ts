import { SDK_LIMITS, ZResolveRequest } from "@/lib/sdk-protocol";
import { markSdkSeen } from "@/lib/sdk/last-seen";
import { sdkJson, sdkPreflight, sdkRoute } from "@/lib/sdk/public-route";
import { resolveExperiences } from "@/lib/sdk/resolve";

export const OPTIONS = sdkPreflight;

export const POST = sdkRoute("resolve", ZResolveRequest, SDK_LIMITS.resolveBytes, async (input, ws) => {
  const [answer] = await Promise.all([resolveExperiences(ws, input), markSdkSeen(ws.id)]);
  return sdkJson(answer);
});
