// The in-app changelog: a drawer with the latest posts (GET /api/sdk/v1/changelog), and the optional
// unread badge on a host element.
import { h, keys, q, safeUrl, uid } from "../dom";
import { adopt } from "../styles";
import { closeButton, type Ctx } from "./context";

/** GET /api/sdk/v1/changelog (lib/changelog/sdk.ts; not in lib/sdk-protocol.ts, which sdk/ may import from). */
export type TChangelog = { portalUrl: string; posts: { id: string; title: string; category: string; publishedAt: string; excerpt: string; url: string }[] };

const link = (href: string, text: string) => h("a", { href: safeUrl(href), target: "_blank", rel: "noopener noreferrer" }, text);

export function changelog(data: TChangelog, x: Ctx): void {
  const id = uid();
  const dr = h(
    "div",
    { class: "dr", role: "dialog", "aria-modal": "true", "aria-labelledby": id, tabindex: -1 },
    closeButton("Close", x.close),
    h("h2", { id }, "What’s new"),
    data.posts?.length
      ? h("ul", { class: "cl" }, data.posts.map((p) => h("li", null, h("div", { class: "sm" }, p.category, " · ", h("time", { datetime: p.publishedAt }, new Date(p.publishedAt).toLocaleDateString())), link(p.url, p.title), h("p", null, p.excerpt))))
      : h("p", null, "No updates yet."),
    link(data.portalUrl, "All updates"),
  );
  const ov = h("div", { class: "ov", onclick: (e: Event) => e.target === ov && x.close() }, dr);
  x.layer.append(ov);
  keys(dr, x.close, true);
  x.focus(dr);
}

let badgeHost: HTMLElement | undefined;

/** Shows `count` unread posts on the element matching `selector` (its own shadow root); 0 removes it. */
export function badge(selector: string, count: number): void {
  badgeHost?.remove();
  const el = count ? q(selector) : null;
  if (!el) return;
  badgeHost = document.createElement("herald-badge");
  const root = badgeHost.attachShadow({ mode: "open" });
  adopt(root);
  root.append(h("span", { class: "badge" }, count, h("span", { class: "sr" }, " unread")));
  el.append(badgeHost);
}
