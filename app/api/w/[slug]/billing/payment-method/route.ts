import { billingResponse, ZConfirmCard } from "@/lib/billing/http";
import { confirmPaymentMethod } from "@/lib/billing/operations";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { MANAGERS } from "@/lib/workspaces/membership";

/** After confirmSetup in the browser: re-read from Stripe, make it the default card, keep its metadata. */
export const POST = workspaceRoute({ schema: ZConfirmCard, roles: MANAGERS }, (input, { workspace }, req) =>
  billingResponse(req, input, workspace.id, async (key) => {
    await confirmPaymentMethod(workspace, input.setupIntentId, key);
  }),
);
