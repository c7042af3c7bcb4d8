// Markdown → HTML that is safe to put into a page: marked renders, sanitize-html then keeps only an
// allow-list of tags, attributes and URL schemes, so that scripts, event handlers and javascript:
// links written into a post (or a translation) render inert. Server-side only; reusable by any area.
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

// One instance with fixed options, so that no other module's marked.use() changes what we emit.
const marked = new Marked({ gfm: true, breaks: false, async: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code", "ul", "ol", "li",
    "strong", "em", "del", "s", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub", "kbd",
    "input",
  ],
  allowedAttributes: {
    // rel and loading are set by transformTags below, never taken from the author.
    a: ["href", "title", "rel"],
    img: ["src", "alt", "title", "width", "height", "loading"],
    code: ["class"],
    th: ["align"],
    td: ["align"],
    // GFM task lists render disabled checkboxes.
    input: ["type", "checked", "disabled"],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  exclusiveFilter: (frame) => frame.tag === "input" && frame.attribs.type !== "checkbox",
  transformTags: {
    // Links in user content leave the portal without handing over the referrer or window.opener.
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "noopener noreferrer nofollow ugc" } }),
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: "lazy" } }),
  },
};

/** Sanitized HTML for a markdown body. */
export function renderMarkdown(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown) as string, SANITIZE);
}

/** Plain text of a markdown body (no tags, collapsed whitespace), cut to `max` characters on a word. */
export function markdownExcerpt(markdown: string, max = 280): string {
  const text = sanitizeHtml(marked.parse(markdown) as string, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
