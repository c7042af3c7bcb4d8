import { billingSummary } from "@/lib/billing/http";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { MANAGERS } from "@/lib/workspaces/membership";

export const GET = workspaceRoute({ roles: MANAGERS }, async (_input, { workspace }) => Response.json(await billingSummary(workspace.id)));
