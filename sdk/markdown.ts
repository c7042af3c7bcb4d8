// A small Markdown subset rendered as DOM nodes, never as HTML: every piece of text becomes a text
// node, so <script>, on*= attributes and javascript: links stay inert text.
import { h, safeUrl } from "./dom";

const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/;

function inline(s: string): (Node | string)[] {
  const out: (Node | string)[] = [];
  for (let m = INLINE.exec(s); m; m = INLINE.exec(s)) {
    out.push(s.slice(0, m.index));
    const href = m[5] && safeUrl(m[5]);
    out.push(
      m[1] ? h("strong", null, inline(m[1]))
      : m[2] ? h("em", null, inline(m[2]))
      : m[3] ? h("code", null, m[3])
      : href ? h("a", { href, target: "_blank", rel: "noopener noreferrer" }, inline(m[4]))
      : m[0],
    );
    s = s.slice(m.index + m[0].length);
  }
  out.push(s);
  return out;
}

/** Paragraphs (single newlines become line breaks), "- " / "1. " lists, bold, italic, code and links. */
export function md(src: unknown): DocumentFragment {
  const f = document.createDocumentFragment();
  // (Declared with `as` so that tsc does not narrow them to null across loop iterations.)
  let p = null as HTMLElement | null;
  let list = null as HTMLElement | null;
  for (const line of String(src ?? "").split(/\r?\n/)) {
    const item = /^\s*([-*+]|\d+[.)])\s+(.*)/.exec(line);
    if (!line.trim()) p = list = null;
    else if (item) {
      const tag = /\d/.test(item[1]) ? "ol" : "ul";
      if (list?.localName !== tag) f.append((list = h(tag)));
      list.append(h("li", null, inline(item[2])));
      p = null;
    } else {
      if (p) p.append(h("br"));
      else f.append((p = h("p")));
      p.append(...inline(line));
      list = null;
    }
  }
  return f;
}
