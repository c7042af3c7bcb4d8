import { exportPerson } from "@/lib/end-users/person";
import { problem } from "@/lib/http/problem";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { MANAGERS } from "@/lib/workspaces/membership";

/** GET ?id=<end user id> → everything held about that person, as a JSON download (audited). */
export const GET = workspaceRoute({ roles: MANAGERS }, async (_input, ctx, req) => {
  const id = new URL(req.url).searchParams.get("id") ?? "";
  const data = await exportPerson(ctx.workspace.id, ctx.userId, id);
  if (!data) return problem(404, "Not found.");
  return new Response(JSON.stringify(data, null, 2), {
    headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="person-${data.person.id}.json"`, "cache-control": "no-store" },
  });
});
