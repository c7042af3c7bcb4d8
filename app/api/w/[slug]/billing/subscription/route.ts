import { billingResponse, ZCancellation, ZChangePlan } from "@/lib/billing/http";
import { changePlan, setCancelAtPeriodEnd } from "@/lib/billing/operations";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { MANAGERS } from "@/lib/workspaces/membership";

/** Subscribe to a paid plan or move to another one. */
export const POST = workspaceRoute({ schema: ZChangePlan, roles: MANAGERS }, (input, { workspace }, req) =>
  billingResponse(req, input, workspace.id, (key) => changePlan(workspace, input.plan, key)),
);

/** Cancel at the end of the period ({ cancelAtPeriodEnd: true }) or resume (false). */
export const PATCH = workspaceRoute({ schema: ZCancellation, roles: MANAGERS }, (input, { workspace }, req) =>
  billingResponse(req, input, workspace.id, (key) => setCancelAtPeriodEnd(workspace, input.cancelAtPeriodEnd, key)),
);
