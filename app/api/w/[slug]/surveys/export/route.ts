import { recordAudit } from "@/lib/audit/audit-log";
import { db } from "@/db";
import { problem } from "@/lib/http/problem";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { responsesCsv, ZResponseFilters } from "@/lib/surveys/responses";
import { getSurvey } from "@/lib/surveys/surveys";

/** GET ?survey=<id>&who=&question=&answer=&from=&to= → the filtered responses as CSV (audited: it may hold names and emails). */
export const GET = workspaceRoute({}, async (_input, ctx, req) => {
  const params = new URL(req.url).searchParams;
  const survey = await getSurvey(ctx.workspace.id, params.get("survey") ?? "");
  if (!survey) return problem(404, "Not found.");
  const filters = ZResponseFilters.parse(Object.fromEntries(params));
  await recordAudit(db, ctx.workspace.id, { actorUserId: ctx.userId, action: "export_survey_responses", targetType: "survey", targetId: survey.id });
  const chunks = responsesCsv(ctx.workspace.id, survey, filters);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const filename = `${survey.name.replace(/[^A-Za-z0-9-]+/g, "-").slice(0, 60) || "survey"}-responses.csv`;
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
  });
});
