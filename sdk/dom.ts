// DOM helpers shared by every renderer. h() builds elements and text nodes only: untrusted strings are
// never parsed as HTML.
type Child = Node | string | number | null | undefined | false | Child[];

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Record<string, unknown> | null, ...kids: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const k in props) {
    const v = props[k];
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v as EventListener);
    else if (v != null && v !== false) el.setAttribute(k, v === true ? "" : String(v));
  }
  add(el, kids);
  return el;
}
function add(el: Node, kids: Child[]): void {
  for (const c of kids) {
    if (Array.isArray(c)) add(el, c);
    else if (c != null && c !== false) el.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
  }
}

let n = 0;
/** Ids for aria-labelledby, unique within the page's shadow roots. */
export const uid = () => `h${++n}`;

/** An element of the host page, or null for a missing or invalid selector. */
export function q(selector: unknown): Element | null {
  try {
    return document.querySelector(String(selector));
  } catch {
    return null;
  }
}

const FOCUSABLE = "a[href],button:not([disabled]),input:not([disabled]),textarea,select,[tabindex='0']";
const focusables = (box: Element) => Array.from(box.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((e) => !e.closest("[hidden]"));

/** Escape calls onEscape; with `loop`, Tab and Shift+Tab cycle inside `box` (a focus trap for modals). */
export function keys(box: HTMLElement, onEscape: () => void, loop?: boolean): void {
  box.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      onEscape();
    } else if (loop && e.key === "Tab") {
      const f = focusables(box);
      const i = f.indexOf((box.getRootNode() as ShadowRoot).activeElement as HTMLElement);
      const to = e.shiftKey ? (i <= 0 ? f[f.length - 1] : null) : i < 0 || i === f.length - 1 ? f[0] : null;
      if (to) {
        e.preventDefault();
        to.focus();
      }
    }
  });
}

/** Moves focus into `box` (its first control, else the box itself); the returned function gives it back. */
export function focusInto(box: HTMLElement, target?: HTMLElement | null): () => void {
  let prev = document.activeElement as HTMLElement | null;
  while (prev?.shadowRoot?.activeElement) prev = prev.shadowRoot.activeElement as HTMLElement;
  (target || focusables(box)[0] || box).focus();
  return () => prev?.isConnected && prev.focus();
}

// One scroll/resize/interval loop for everything anchored to a host element (the page may move or
// re-render it at any time, especially in single-page apps).
const followers = new Set<() => void>();
let loop: ReturnType<typeof setInterval> | undefined;
const tick = () => followers.forEach((f) => f());
export function follow(f: () => void): () => void {
  followers.add(f);
  if (!loop) {
    loop = setInterval(tick, 300);
    addEventListener("scroll", tick, true);
    addEventListener("resize", tick);
  }
  f();
  return () => {
    followers.delete(f);
    if (followers.size) return;
    clearInterval(loop);
    loop = undefined;
    removeEventListener("scroll", tick, true);
    removeEventListener("resize", tick);
  };
}

/** The anchor's box, or null when it is missing or not laid out (display: none). */
export function box(el: Element | null): DOMRect | null {
  const r = el?.isConnected ? el.getBoundingClientRect() : null;
  return r && (r.width || r.height) ? r : null;
}

/** Places a fixed popover beside `r` (or centred without one), kept inside the viewport. */
export function place(pop: HTMLElement, r: DOMRect | null, placement = "auto"): void {
  pop.classList.toggle("c", !r);
  if (!r) return;
  const W = innerWidth, H = innerHeight, w = pop.offsetWidth, ht = pop.offsetHeight, g = 12;
  let p = placement;
  if (p === "auto") p = r.bottom + ht + g < H ? "bottom" : r.top > ht + g ? "top" : r.right + w + g < W ? "right" : "left";
  const x = p === "left" ? r.left - w - g : p === "right" ? r.right + g : r.left + r.width / 2 - w / 2;
  const y = p === "top" ? r.top - ht - g : p === "bottom" ? r.bottom + g : r.top + r.height / 2 - ht / 2;
  pop.style.left = `${Math.max(8, Math.min(x, W - w - 8))}px`;
  pop.style.top = `${Math.max(8, Math.min(y, H - ht - 8))}px`;
}

/** A link or image address that is http(s) or mailto once resolved (never javascript:, data:, …). */
export function safeUrl(u: unknown, base?: string): string | undefined {
  try {
    const x = new URL(String(u), base || location.href);
    return /^(https?|mailto):$/.test(x.protocol) ? x.href : undefined;
  } catch {
    return undefined;
  }
}
