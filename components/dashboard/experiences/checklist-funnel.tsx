import { BarChart } from "@/components/dashboard/bar-chart";
import type { TChecklistFunnel } from "@/lib/experiences/checklist-funnel";

/** Of the end users who saw the checklist: how many did each task, and how many finished (server-rendered bars). */
export function ChecklistFunnel({ data }: { data: TChecklistFunnel }) {
  return (
    <section aria-labelledby="funnel-heading" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 id="funnel-heading" className="text-base font-semibold">Completion funnel</h2>
      <p className="mb-4 mt-1 text-sm text-slate-600">
        {data.saw ? `${data.saw} end ${data.saw === 1 ? "user" : "users"} saw this checklist; the bars show how many of them did each task.` : "No end user has seen this checklist yet."}
      </p>
      <BarChart
        caption="End users who did each task, of those who saw the checklist"
        unit="end users"
        total={data.saw}
        rows={[{ label: "Saw it", value: data.saw, tone: "bg-slate-400" }, ...data.tasks.map((t, i) => ({ label: `${i + 1}. ${t.label}`, value: t.done })), { label: "All done", value: data.completed, tone: "bg-green-600" }]}
      />
    </section>
  );
}
