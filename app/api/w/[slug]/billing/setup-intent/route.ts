import { billingResponse, ZBillingRequest } from "@/lib/billing/http";
import { createSetupIntent } from "@/lib/billing/operations";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { MANAGERS } from "@/lib/workspaces/membership";

/** A SetupIntent for adding or replacing the card; its client secret goes to Stripe.js only. */
export const POST = workspaceRoute({ schema: ZBillingRequest, roles: MANAGERS }, (input, { workspace }, req) =>
  billingResponse(req, input, workspace.id, (key) => createSetupIntent(workspace, key)),
);
