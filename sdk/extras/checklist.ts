// A checklist card in the bottom-left corner: progress, tasks that tick themselves off (tracked events
// and completions at once, the server's progress on every resolve), minimise and dismiss, and a
// celebration once every task is done. It is a labelled region, not a dialog: it never takes focus
// by itself. Task ids and the experience id are all that is sent (`task` events for clicked tasks).
import type { TChecklistContent } from "@/lib/experiences/content";
import { h, safeUrl } from "../dom";
import type { Ctx } from "../render/context";
import { adoptExtras } from "./styles";

type TTask = TChecklistContent["tasks"][number];

/** Shown checklists, for the resource center (same bundle). */
export const lists = new Map<string, { title: string; progress: () => string; open: () => void }>();

let n = 0;
const xid = () => `hx${++n}`;

export function checklist(c: TChecklistContent, x: Ctx): void {
  adoptExtras(x.layer.getRootNode());
  const e = x.host?.experience;
  const id = e?.id || xid();
  const tasks: TTask[] = Array.isArray(c.tasks) ? c.tasks : [];
  const done = new Set<string>(e?.done || []);
  let finished = false;
  const titleId = xid();
  const listId = xid();
  const countId = xid();
  const count = h("p", { class: "sm", id: countId });
  const bar = h("i");
  // Named by the title and the count, so that it has a name even while the title is being typed.
  const meter = h("div", { class: "pg", role: "progressbar", "aria-labelledby": `${titleId} ${countId}`, "aria-valuemin": 0, "aria-valuemax": tasks.length }, bar);
  const cel = h("p", { class: "cel", role: "status" });
  const progress = () => `${done.size} of ${tasks.length} done`;

  const items = tasks.map((t) => {
    const clickable = t.completeWhen?.kind === "click" || t.action;
    const icon = h("span", { class: "ic", "aria-hidden": "true" });
    const state = h("span", { class: "sr" });
    const body = [icon, h("span", null, h("span", { class: "lb" }, t.label), state, t.description ? h("small", null, t.description) : null)];
    const li = h("li", null, clickable ? h("button", { type: "button", onclick: () => act(t) }, body) : h("div", { class: "t" }, body));
    return { t, li, icon, state };
  });

  function paint(): void {
    for (const { t, li, icon, state } of items) {
      const d = done.has(t.id);
      li.classList.toggle("dn", d);
      icon.textContent = d ? "✓" : "";
      state.textContent = d ? " (done)" : " (not done)";
    }
    count.textContent = progress();
    meter.setAttribute("aria-valuenow", String(done.size));
    bar.style.width = `${tasks.length ? (done.size / tasks.length) * 100 : 0}%`;
    pillText.textContent = `${c.title} · ${done.size}/${tasks.length}`;
    if (!finished && tasks.length && done.size >= tasks.length) {
      finished = true;
      cel.textContent = c.celebration || "All done — nice work!";
      x.send({ type: "complete" });
    }
  }

  function mark(ids: string[]): void {
    const before = done.size;
    for (const i of ids) if (tasks.some((t) => t.id === i)) done.add(i);
    if (done.size !== before) paint();
  }

  function act(t: TTask): void {
    if (t.completeWhen.kind === "click" && !done.has(t.id)) {
      x.send({ type: "task", taskId: t.id });
      mark([t.id]);
    }
    const a = t.action;
    if (x.preview || !a) return;
    if (a.kind === "start_tour") {
      minimise(false);
      x.host?.startTour(a.experienceId);
    } else {
      const to = safeUrl(a.url);
      if (to) location.assign(to);
    }
  }

  const mn = h("button", { type: "button", class: "x mn", "aria-label": "Minimise checklist", "aria-expanded": "true", "aria-controls": listId, onclick: () => minimise(true) }, "–");
  const dismiss = h("button", {
    type: "button",
    class: "x",
    "aria-label": "Dismiss checklist",
    onclick: () => {
      if (!finished) x.send({ type: "dismiss" });
      x.close();
    },
  }, "×");
  const card = h(
    "section",
    { class: "ck", "aria-labelledby": titleId },
    mn,
    dismiss,
    h("h2", { id: titleId }, c.title),
    count,
    meter,
    h("ul", { class: "tk", id: listId }, items.map((i) => i.li)),
    cel,
  );
  const pillText = h("span");
  const pill = h("button", { type: "button", class: "ckp", "aria-expanded": "false", onclick: () => expand(true) }, h("span", { class: "sr" }, "Open checklist: "), pillText);

  function minimise(focus: boolean): void {
    card.hidden = true;
    pill.hidden = false;
    if (focus) pill.focus();
  }
  function expand(focus: boolean): void {
    card.hidden = false;
    pill.hidden = true;
    if (focus) mn.focus();
  }

  x.layer.append(card, pill);
  if (x.host?.seenBefore && !x.preview) minimise(false);
  else expand(false);
  paint();

  x.host?.on((s) => {
    if ("track" in s) mark(tasks.filter((t) => t.completeWhen.kind === "event" && t.completeWhen.name === s.track).map((t) => t.id));
    else if ("complete" in s) mark(tasks.filter((t) => t.completeWhen.kind === "experience_completed" && t.completeWhen.experienceId === s.complete).map((t) => t.id));
    else mark(s.resolved.experiences.find((r) => r.id === id)?.done || []);
  });
  lists.set(id, { title: c.title, progress, open: () => expand(true) });
  x.onClose(() => lists.delete(id));
  x.seen();
}
