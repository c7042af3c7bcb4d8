import { SDK_LIMITS, ZEventsRequest } from "@/lib/sdk-protocol";
import { ingestEvents } from "@/lib/sdk/events";
import { sdkJson, sdkPreflight, sdkRoute } from "@/lib/sdk/public-route";

export const OPTIONS = sdkPreflight;

export const POST = sdkRoute("events", ZEventsRequest, SDK_LIMITS.eventsBytes, async (input, ws) => sdkJson(await ingestEvents(ws, input)));
