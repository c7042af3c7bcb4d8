// Steps anchored to page elements: a popover beside each (scrolled into view), centred when the element
// is missing so that the tour never gets stuck. Escape or Skip dismisses it.
import type { TTourContent } from "@/lib/experiences/content";
import { box, follow, h, keys, place, q, uid } from "../dom";
import { md } from "../markdown";
import type { Ctx } from "./context";

export function tour(c: TTourContent, x: Ctx): void {
  const steps = Array.isArray(c.steps) ? c.steps : [];
  if (!steps.length) throw new Error("A tour needs at least one step.");
  const pop = h("div", { class: "pop", role: "dialog", tabindex: -1 });
  const shown = new Set<number>();
  let i = 0;
  let anchor: Element | null = null;
  const end = (type: "complete" | "dismiss") => {
    x.send({ type });
    x.close();
  };
  const go = (d: number) => {
    i += d;
    show();
  };
  // Re-queried on every tick: single-page apps render anchors late and replace them.
  const position = () => {
    const s = steps[i];
    const el = x.preview || !s ? null : q(s.selector);
    if (el && el !== anchor) el.scrollIntoView({ block: "center" });
    anchor = el;
    if (!x.preview) place(pop, box(el), s?.placement);
  };
  function show(): void {
    const s = steps[i] || {};
    const id = uid();
    const last = i >= steps.length - 1;
    const next = h("button", { class: "btn", onclick: () => (last ? end("complete") : go(1)) }, last ? "Done" : "Next");
    pop.setAttribute("aria-labelledby", id);
    pop.replaceChildren(
      h("p", { class: "sm" }, `Step ${i + 1} of ${steps.length}`),
      h("h2", { id }, s.title),
      md(s.body),
      h(
        "div",
        { class: "row" },
        last ? null : h("button", { class: "btn s", onclick: () => end("dismiss") }, "Skip"),
        i ? h("button", { class: "btn s", onclick: () => go(-1) }, "Back") : null,
        next,
      ),
    );
    position();
    if (!shown.has(i)) x.send({ type: "step", step: i });
    shown.add(i);
    x.focus(pop, next);
  }
  x.layer.append(pop);
  keys(pop, () => end("dismiss"));
  x.seen();
  show();
  if (!x.preview) x.onClose(follow(position));
}
