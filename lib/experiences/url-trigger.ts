// Does the page the SDK reports match an experience's URL trigger? Pure, shared by the SDK API and tests.
import type { TTrigger } from "./content";

const ABSOLUTE = /^https?:\/\//i;

/** A page or pattern as compared: `path` is the path (after the origin, for absolute patterns). */
type Parts = { path: string; query: string };

function decode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** "/a/b/" and "/a/b" are the same page; "/" stays "/". */
const trimSlash = (path: string) => (path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path);

/**
 * Both sides go through the URL parser, so that encoding, host case, default ports and dot segments
 * never decide a match; the hash never counts, the query only when the pattern has one.
 */
function parts(u: URL, absolute: boolean, withQuery: boolean): Parts {
  return { path: decode((absolute ? u.origin : "") + trimSlash(u.pathname)), query: withQuery ? decode(u.search) : "" };
}

/** A trigger URL parsed once: the SDK API asks about the same few patterns on every resolve. */
type Pattern = { absolute: boolean; withQuery: boolean; parts: Parts; glob?: RegExp };

const exact = (page: Parts, { parts }: Pattern) => page.path === parts.path && page.query === parts.query;

/**
 * Prefix on a path-segment boundary: "/docs" matches "/docs" and "/docs/intro" but not "/docsearch",
 * since a customer writing "/docs" means that section. With a query it is a plain string prefix.
 */
function prefix(page: Parts, { parts }: Pattern): boolean {
  if (parts.query) return (page.path + page.query).startsWith(parts.path + parts.query);
  return page.path === parts.path || page.path.startsWith(parts.path.endsWith("/") ? parts.path : `${parts.path}/`);
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * `*` matches within one path segment, `**` across segments; a `/**` may match nothing at all, so
 * "/docs/**" also matches "/docs". Everything else is literal.
 */
function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .split(/(\/\*\*|\*\*|\*)/)
    .map((token) => (token === "/**" ? "(?:/.*)?" : token === "**" ? ".*" : token === "*" ? "[^/?]*" : literal(token)))
    .join("");
  return new RegExp(`^${body}$`);
}

const glob = (page: Parts, p: Pattern) => (p.glob ??= globToRegExp(p.parts.path + p.parts.query)).test(page.path + page.query);

const MATCHERS = { exact, prefix, glob } as const;

function parsePattern(raw: string): Pattern | null {
  const absolute = ABSOLUTE.test(raw);
  if (!absolute && !raw.startsWith("/")) return null;
  // A path pattern is parsed under a stand-in origin, so that "//x" stays a path and not a host.
  const full = absolute ? raw : `http://path.invalid${raw}`;
  if (!URL.canParse(full)) return null;
  const withQuery = raw.includes("?");
  return { absolute, withQuery, parts: parts(new URL(full), absolute, withQuery) };
}

const MAX_PATTERNS = 5_000;
const patterns = new Map<string, Pattern | null>();

function pattern(raw: string): Pattern | null {
  let p = patterns.get(raw);
  if (p === undefined) {
    if (patterns.size >= MAX_PATTERNS) patterns.clear(); // bounded memory
    p = parsePattern(raw);
    patterns.set(raw, p);
  }
  return p;
}

/** Whether `url` (the absolute page URL the SDK sends) satisfies the trigger; malformed input never matches. */
export function matchesTrigger(trigger: TTrigger, url: string): boolean {
  if (!URL.canParse(url)) return false;
  if (trigger.match === "any") return true;
  const p = pattern(trigger.url?.trim() ?? "");
  return p ? MATCHERS[trigger.match](parts(new URL(url), p.absolute, p.withQuery), p) : false;
}
