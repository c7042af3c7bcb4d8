// What the page's URL completes, decided in the browser so that the URL is never sent: URL goals (one
// `goal` event per page view and experience) and checklist URL tasks (one `task` event each).
import type { TResolveResponse } from "@/lib/sdk-protocol";
import { enqueue } from "./transport";
import { matchUrl } from "./url-match";

let page = "";
const sent = new Set<string>();

export function clearUrlEvents(): void {
  page = "";
  sent.clear();
}

/** Called with every resolve answer; marks URL tasks done in `data` so that the checklist shows them at once. */
export function urlEvents(data: TResolveResponse, url: string): void {
  if (url !== page) {
    page = url;
    for (const k of sent) if (k[0] === "g") sent.delete(k);
  }
  for (const g of data.goals || []) {
    const k = `g${g.experienceId}`;
    if (!sent.has(k) && matchUrl(g.match, g.url, url)) {
      sent.add(k);
      enqueue({ type: "goal", experienceId: g.experienceId });
    }
  }
  for (const e of data.experiences) {
    if (e.type !== "checklist") continue;
    for (const t of e.content.tasks || []) {
      const c = t.completeWhen;
      if (c.kind !== "url" || e.done?.includes(t.id) || !matchUrl(c.match, c.url, url)) continue;
      (e.done ||= []).push(t.id);
      const k = `t${e.id}/${t.id}`;
      if (!sent.has(k)) enqueue({ type: "task", experienceId: e.id, taskId: t.id });
      sent.add(k);
    }
  }
}
