// A pulsing beacon beside a page element; activating it opens a small popover with the text. Hidden
// while the element is missing.
import type { TTypedContent } from "@/lib/experiences/content";
import { box, focusInto, follow, h, keys, place, q, uid } from "../dom";
import { md } from "../markdown";
import type { Ctx } from "./context";

type THint = Extract<TTypedContent, { type: "hint" }>["content"];

export function hint(c: THint, x: Ctx): void {
  const id = uid();
  let open = x.preview;
  let clicked = false;
  let restore: (() => void) | undefined;
  const toggle = () => {
    open = !open;
    if (open && !clicked) x.send({ type: "click" });
    clicked ||= open;
    position();
    if (open) restore = focusInto(pop);
    else restore?.();
  };
  const beacon = h("button", { class: "bcn", "aria-label": c.title || "Hint", "aria-expanded": String(open), onclick: toggle });
  const pop = h(
    "div",
    { class: "pop", role: "dialog", "aria-labelledby": c.title ? id : null, "aria-label": c.title ? null : "Hint", tabindex: -1 },
    c.title ? h("h2", { id }, c.title) : null,
    md(c.body),
    h("div", { class: "row" }, h("button", { class: "btn", onclick: () => (x.send({ type: "complete" }), x.close()) }, "Got it")),
  );
  function position(): void {
    const r = x.preview ? null : box(q(c.selector));
    beacon.hidden = !r && !x.preview;
    pop.hidden = beacon.hidden || !open;
    beacon.setAttribute("aria-expanded", String(open));
    if (!r) return;
    x.seen();
    beacon.style.left = `${r.right - 9}px`;
    beacon.style.top = `${r.top - 9}px`;
    if (open) place(pop, r, c.placement);
  }
  keys(pop, () => open && toggle());
  x.layer.append(beacon, pop);
  if (x.preview) position();
  else x.onClose(follow(position));
}
