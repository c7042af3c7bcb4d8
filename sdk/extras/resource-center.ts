// The resource center: a launcher (a floating button, or clicks on a host page element) opens a modal
// panel with the changelog's latest posts, the shown checklists, tours to take again and the help
// links, and a search over all of them that filters as one types (nothing is sent). Dialog semantics:
// focus moves to the search box, Tab stays inside, Escape or the backdrop closes, focus goes back.
import type { TResourceCenterContent } from "@/lib/experiences/content";
import { focusInto, h, keys, safeUrl } from "../dom";
import type { TChangelog } from "../render/changelog";
import { closeButton, type Ctx } from "../render/context";
import { lists } from "./checklist";
import { adoptExtras } from "./styles";

let n = 0;
const xid = () => `hr${++n}`;
const words = (s: string) => s.toLowerCase().split(/\s+/).filter(Boolean);
const link = (href: string, text: string) => h("a", { href: safeUrl(href), target: "_blank", rel: "noopener noreferrer" }, text);

/** A list item the search can find by its text. */
const item = (text: string, ...kids: (Node | string | null)[]) => h("li", { "data-s": text.toLowerCase() }, kids);

function section(title: string, items: HTMLElement[], extra?: Node | null): HTMLElement {
  const id = xid();
  return h("section", { "aria-labelledby": id }, h("h3", { id }, title), h("ul", null, items), extra);
}

export function resourceCenter(c: TResourceCenterContent, x: Ctx): void {
  adoptExtras(x.layer.getRootNode());
  const host = x.host;
  const titleId = xid();
  const searchId = xid();
  let isOpen = false;
  let trigger: Element | null = null;
  let restore: (() => void) | undefined;
  let posts: TChangelog | undefined;

  const status = h("p", { class: "sr", role: "status" });
  const none = h("p", { hidden: true }, "Nothing matches your search.");
  const input = h("input", { type: "search", id: searchId, autocomplete: "off", oninput: filter });
  const body = h("div", { class: "rc" });
  const dr = h(
    "div",
    { class: "dr", role: "dialog", "aria-modal": "true", "aria-labelledby": titleId, tabindex: -1 },
    closeButton("Close", () => close()),
    h("h2", { id: titleId }, c.title),
    h("div", { class: "rs", role: "search" }, h("label", { for: searchId }, "Search help"), input),
    status,
    none,
    body,
  );
  const ov = h("div", { class: "ov", hidden: true, onclick: (e: Event) => e.target === ov && close() }, dr);
  keys(dr, () => close(), true);

  function changelogSection(): HTMLElement {
    const ul = h("ul", null, h("li", null, x.preview ? "Your latest changelog posts appear here." : "Loading…"));
    const id = xid();
    const s = h("section", { "aria-labelledby": id }, h("h3", { id }, "What’s new"), ul);
    const fill = (d: TChangelog | undefined) => {
      posts = d;
      if (!d) return;
      ul.replaceChildren(...(d.posts?.length ? d.posts.map((p) => item(`${p.title} ${p.excerpt}`, link(p.url, p.title), h("p", null, p.excerpt))) : [h("li", null, "No updates yet.")]));
      s.append(link(d.portalUrl, "All updates"));
      filter();
    };
    if (posts) fill(posts);
    else void host?.changelog().then(fill, () => ul.replaceChildren(h("li", null, "Updates could not be loaded.")));
    return s;
  }
  function build(): void {
    const parts: (HTMLElement | null)[] = [];
    if (c.showChangelog !== false) parts.push(changelogSection());
    if (c.showChecklists !== false && lists.size) {
      parts.push(section("Checklists", [...lists.values()].map((l) => item(l.title, h("button", { type: "button", class: "ln", onclick: () => (close(false), l.open()) }, l.title), h("p", null, l.progress())))));
    }
    const tours = c.showTours !== false ? host?.tours() || [] : [];
    if (tours.length) parts.push(section("Tours", tours.map((t) => item(t.title, h("button", { type: "button", class: "ln", onclick: () => (close(false), host?.startTour(t.id)) }, t.title)))));
    for (const s of Array.isArray(c.sections) ? c.sections : []) {
      const links = (s.links || []).filter((l) => l.label);
      if (s.title && links.length) parts.push(section(s.title, links.map((l) => item(`${l.label} ${l.description || ""}`, link(l.url, l.label), l.description ? h("p", null, l.description) : null))));
    }
    body.replaceChildren(...parts.filter((p): p is HTMLElement => Boolean(p)));
    filter();
  }

  function filter(): void {
    const q = words(input.value);
    let found = 0;
    for (const li of body.querySelectorAll<HTMLElement>("li[data-s]")) {
      li.hidden = q.some((w) => !(li.dataset.s || "").includes(w));
      if (!li.hidden) found++;
    }
    for (const s of body.querySelectorAll<HTMLElement>("section")) s.hidden = Boolean(q.length) && !s.querySelector("li[data-s]:not([hidden])");
    none.hidden = !q.length || found > 0;
    status.textContent = q.length ? `${found} ${found === 1 ? "result" : "results"}` : "";
  }

  function open(from?: Element | null): void {
    if (isOpen) return;
    isOpen = true;
    trigger = from || launcher;
    build();
    ov.hidden = false;
    trigger?.setAttribute("aria-expanded", "true");
    if (!x.preview) restore = focusInto(dr, input);
    x.seen();
  }

  function close(giveBack = true): void {
    if (!isOpen || x.preview) return;
    isOpen = false;
    ov.hidden = true;
    input.value = "";
    trigger?.setAttribute("aria-expanded", "false");
    if (giveBack) restore?.();
  }

  const launcher =
    c.launcher?.kind === "element" && !x.preview
      ? null
      : h("button", { type: "button", class: "lc", "aria-haspopup": "dialog", "aria-expanded": "false", onclick: () => open() }, c.title || "Help");
  if (c.launcher?.kind === "element" && !x.preview) {
    const selector = c.launcher.selector;
    // Delegated, so that it keeps working when the app re-renders the element.
    const onClick = (e: Event) => {
      let el: Element | null = null;
      try {
        el = (e.target as Element | null)?.closest?.(selector) ?? null;
      } catch {
        return;
      }
      if (!el) return;
      e.preventDefault();
      open(el);
    };
    document.addEventListener("click", onClick);
    x.onClose(() => document.removeEventListener("click", onClick));
  }
  if (launcher) x.layer.append(launcher);
  x.layer.append(ov);
  x.onClose(() => close());
  if (x.preview) open();
}
