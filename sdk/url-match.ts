// URL patterns matched in the browser (checklist URL tasks, URL goals): the rules of the server's
// lib/experiences/url-trigger.ts in a few hundred bytes, so that the page URL never leaves the browser.
// Both sides go through the URL parser; the hash never counts, the query only when the pattern has one.
const dec = (s: string) => {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
};

function parts(u: URL, abs: boolean, query: boolean): [string, string] {
  const p = u.pathname.length > 1 && u.pathname.endsWith("/") ? u.pathname.slice(0, -1) : u.pathname;
  return [dec((abs ? u.origin : "") + p), query ? dec(u.search) : ""];
}

/** Whether `href` matches: exact, prefix (on a path-segment boundary) or glob (`*` in a segment, `**` across). */
export function matchUrl(match: string, pattern: unknown, href: string): boolean {
  try {
    const raw = String(pattern ?? "").trim();
    const abs = /^https?:\/\//i.test(raw);
    if (!abs && raw[0] !== "/") return false;
    const query = raw.includes("?");
    const [pp, pq] = parts(new URL(abs ? raw : `http://path.invalid${raw}`), abs, query);
    const [up, uq] = parts(new URL(href), abs, query);
    if (match === "exact") return up === pp && uq === pq;
    if (match === "prefix") return pq ? (up + uq).startsWith(pp + pq) : up === pp || up.startsWith(pp.endsWith("/") ? pp : `${pp}/`);
    if (match === "glob") {
      const body = (pp + pq)
        .split(/(\/\*\*|\*\*|\*)/)
        .map((t) => (t === "/**" ? "(?:/.*)?" : t === "**" ? ".*" : t === "*" ? "[^/?]*" : t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
        .join("");
      return new RegExp(`^${body}$`).test(up + uq);
    }
  } catch {
    // A malformed pattern or page never matches.
  }
  return false;
}
