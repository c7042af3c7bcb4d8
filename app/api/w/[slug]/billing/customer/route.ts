import { billingResponse, ZBillingRequest } from "@/lib/billing/http";
import { ensureCustomer } from "@/lib/billing/operations";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { MANAGERS } from "@/lib/workspaces/membership";

/** Creates the workspace's Stripe customer, or returns the existing one. */
export const POST = workspaceRoute({ schema: ZBillingRequest, roles: MANAGERS }, (input, { workspace }, req) =>
  billingResponse(req, input, workspace.id, async (key) => ({ customerId: await ensureCustomer(workspace, key) })),
);
