// A bar across the top or bottom of the page; it takes no focus, so the page stays usable.
import type { TTypedContent } from "@/lib/experiences/content";
import { h } from "../dom";
import { md } from "../markdown";
import { buttons, closeButton, type Ctx } from "./context";

type TBanner = Extract<TTypedContent, { type: "banner" }>["content"];

export function banner(c: TBanner, x: Ctx): void {
  x.layer.append(
    h(
      "div",
      { class: c.position === "bottom" ? "bar b" : "bar", role: "region", "aria-label": "Announcement" },
      h("div", null, md(c.body)),
      c.buttons?.length ? buttons(c.buttons, x) : null,
      c.dismissible === false
        ? null
        : closeButton("Dismiss", () => {
            x.send({ type: "dismiss" });
            x.close();
          }),
    ),
  );
  x.seen();
}
