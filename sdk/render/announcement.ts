// A modal dialog: focus trapped inside, Escape or the backdrop dismisses, focus returns afterwards.
import type { TTypedContent } from "@/lib/experiences/content";
import { h, keys, safeUrl, uid } from "../dom";
import { md } from "../markdown";
import { buttons, closeButton, type Ctx } from "./context";

type TAnnouncement = Extract<TTypedContent, { type: "announcement" }>["content"];

export function announcement(c: TAnnouncement, x: Ctx): void {
  const id = uid();
  const dismiss = () => {
    x.send({ type: "dismiss" });
    x.close();
  };
  const src = c.imageUrl && safeUrl(c.imageUrl, x.api);
  const dlg = h(
    "div",
    { class: "dlg", role: "dialog", "aria-modal": "true", "aria-labelledby": id, tabindex: -1 },
    closeButton("Close", dismiss),
    src ? h("img", { src, alt: "" }) : null,
    h("h2", { id }, c.title),
    md(c.body),
    buttons(c.buttons, x),
  );
  const ov = h("div", { class: "ov", onclick: (e: Event) => e.target === ov && dismiss() }, dlg);
  x.layer.append(ov);
  keys(dlg, dismiss, true);
  x.focus(dlg, dlg.querySelector<HTMLElement>(".row .btn"));
  x.seen();
}
