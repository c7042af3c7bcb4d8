// The segment rule engine: does one end user match a segment's rules? Pure (no server code), so the
// SDK API, the dashboard's live count and tests all share this one copy.
import type { TCondition, TGroup, TRule } from "./rules-schema";

/** What the engine sees of one end user: attributes the customer sent, traits known after identify. */
export type TMatchSubject = { attributes: Record<string, unknown>; traits: Record<string, unknown> };

type Scalar = string | number | boolean;

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
// Calendar dates, optionally with a time and zone: "2026-03-01", "2026-03-01T12:00:00Z".
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const isScalar = (v: unknown): v is Scalar => typeof v === "string" || (typeof v === "number" && Number.isFinite(v)) || typeof v === "boolean";

function asNumber(v: Scalar): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string" && NUMERIC.test(v.trim())) return Number(v.trim());
  return undefined;
}

function asDate(v: Scalar): number | undefined {
  if (typeof v !== "string" || !ISO_DATE.test(v.trim())) return undefined;
  const t = Date.parse(v.trim());
  return Number.isNaN(t) ? undefined : t;
}

function asBoolean(v: Scalar): boolean | undefined {
  if (typeof v === "boolean") return v;
  const s = String(v).trim().toLowerCase();
  return s === "true" ? true : s === "false" ? false : undefined;
}

// Every string comparison ignores case: "Paying" and "paying" are the same plan to a marketer.
const text = (v: Scalar) => String(v).trim().toLowerCase();

function equals(actual: Scalar, expected: Scalar): boolean {
  const [a, b] = [asNumber(actual), asNumber(expected)];
  if (a !== undefined && b !== undefined) return a === b;
  if (typeof actual === "boolean" || typeof expected === "boolean") {
    const [x, y] = [asBoolean(actual), asBoolean(expected)];
    return x !== undefined && x === y;
  }
  return text(actual) === text(expected);
}

/** Numbers (or numeric strings) compare as numbers; otherwise both sides must be ISO dates. */
function compare(actual: Scalar, expected: Scalar): number | undefined {
  const [a, b] = [asNumber(actual), asNumber(expected)];
  if (a !== undefined && b !== undefined) return a - b;
  const [x, y] = [asDate(actual), asDate(expected)];
  return x !== undefined && y !== undefined ? x - y : undefined;
}

function matchesCondition(c: TCondition, subject: TMatchSubject): boolean {
  const bag = c.source === "trait" ? subject.traits : subject.attributes;
  // Own keys only, so that "constructor" or "toString" never resolves to Object.prototype.
  const actual = Object.hasOwn(bag, c.attribute) ? bag[c.attribute] : undefined;
  const present = actual !== undefined && actual !== null;
  if (c.operator === "is_set") return present;
  if (c.operator === "is_not_set") return !present;
  // Absent, or a value no operator can compare (an object, a list): no comparison matches.
  if (!isScalar(actual)) return false;
  const expected = c.value;
  if (c.operator === "in") return (Array.isArray(expected) ? expected : expected === undefined ? [] : [expected]).some((v) => equals(actual, v));
  if (!isScalar(expected)) return false;
  switch (c.operator) {
    case "equals":
      return equals(actual, expected);
    case "not_equals":
      return !equals(actual, expected);
    case "contains":
      return text(actual).includes(text(expected));
    case "starts_with":
      return text(actual).startsWith(text(expected));
    case "gt":
      return (compare(actual, expected) ?? 0) > 0;
    case "lt":
      return (compare(actual, expected) ?? 0) < 0;
  }
}

function matches(rule: TRule, subject: TMatchSubject): boolean {
  if (rule.kind === "condition") return matchesCondition(rule, subject);
  // An empty AND is vacuously true and an empty OR false (the schema refuses empty groups anyway).
  return rule.combinator === "and" ? rule.children.every((r) => matches(r, subject)) : rule.children.some((r) => matches(r, subject));
}

/** Does this end user match the segment's rules? */
export function evaluate(rules: TGroup, subject: TMatchSubject): boolean {
  return matches(rules, subject);
}

/** Whether any condition looks at traits, so callers decrypt identities only when needed. */
export function usesTraits(rule: TRule): boolean {
  return rule.kind === "group" ? rule.children.some(usesTraits) : rule.source === "trait";
}
