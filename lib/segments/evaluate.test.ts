import { describe, expect, it } from "vitest";
import { evaluate, usesTraits, type TMatchSubject } from "./evaluate";
import type { TCondition, TGroup } from "./rules-schema";

type Op = TCondition["operator"];
const cond = (attribute: string, operator: Op, value?: TCondition["value"], source: TCondition["source"] = "attribute"): TCondition => ({ kind: "condition", source, attribute, operator, value });
const and = (...children: TGroup["children"]): TGroup => ({ kind: "group", combinator: "and", children });
const or = (...children: TGroup["children"]): TGroup => ({ kind: "group", combinator: "or", children });
const subject = (attributes: Record<string, unknown>, traits: Record<string, unknown> = {}): TMatchSubject => ({ attributes, traits });
/** One condition against one attribute value (`undefined` = the attribute is absent). */
const check = (operator: Op, actual: unknown, value?: TCondition["value"]) =>
  evaluate(and(cond("x", operator, value)), subject(actual === undefined ? {} : { x: actual }));

describe("evaluate: equals / not_equals", () => {
  it.each([
    ["same string", "paying", "paying", true],
    ["case-insensitive", "Paying", "PAYING", true],
    ["surrounding spaces ignored", " paying ", "paying", true],
    ["different string", "free", "paying", false],
    ["number and number", 10, 10, true],
    ["numeric string and number", "10", 10, true],
    ["number and numeric string", 10, "10", true],
    ["numerically equal spellings", "10.0", "1e1", true],
    ["different numbers", 10, 11, false],
    ["a number is not a word", 10, "ten", false],
    ["boolean true and true", true, true, true],
    ["boolean and 'true'", true, "true", true],
    ["'TRUE' and boolean", "TRUE", true, true],
    ["false and 'false'", false, "false", true],
    ["boolean and the opposite", true, false, false],
    ["a boolean is not 1", true, 1, false],
    ["a non-boolean word is not true", "yes", true, false],
    ["empty string equals empty string", "", "", true],
  ] as const)("%s", (_name, actual, value, expected) => {
    expect(check("equals", actual, value)).toBe(expected);
    expect(check("not_equals", actual, value)).toBe(!expected);
  });

  it("is false for both when the attribute is absent or null", () => {
    for (const actual of [undefined, null]) {
      expect(check("equals", actual, "paying")).toBe(false);
      expect(check("not_equals", actual, "paying")).toBe(false);
    }
  });

  it("never matches a value it cannot compare (an object or a list) or a list as the expected value", () => {
    expect(check("equals", { a: 1 }, "[object Object]")).toBe(false);
    expect(check("not_equals", ["a"], "b")).toBe(false);
    expect(check("equals", "a", ["a"])).toBe(false);
    expect(check("not_equals", "a", ["b"])).toBe(false);
    expect(check("equals", Number.NaN, "NaN")).toBe(false);
  });
});

describe("evaluate: contains / starts_with", () => {
  it.each([
    ["contains", "Enterprise plan", "PRISE", true],
    ["contains", "enterprise", "team", false],
    ["contains", 12345, "234", true],
    ["contains", true, "ru", true],
    ["starts_with", "Enterprise", "enter", true],
    ["starts_with", "enterprise", "prise", false],
    ["starts_with", 2026, "20", true],
  ] as const)("%s: %s / %s", (operator, actual, value, expected) => {
    expect(check(operator, actual, value)).toBe(expected);
  });

  it("is false when absent, null, not a scalar, or given a list", () => {
    for (const operator of ["contains", "starts_with"] as const) {
      expect(check(operator, undefined, "a")).toBe(false);
      expect(check(operator, null, "n")).toBe(false);
      expect(check(operator, ["abc"], "a")).toBe(false);
      expect(check(operator, "abc", ["a"])).toBe(false);
    }
  });
});

describe("evaluate: in", () => {
  it.each([
    ["a listed string", "team", ["free", "team"], true],
    ["case-insensitively", "TEAM", ["free", "team"], true],
    ["not listed", "enterprise", ["free", "team"], false],
    ["a number among strings typed in the editor", 3, ["1", "3"], true],
    ["a boolean among 'true'/'false'", false, ["false"], true],
    ["an empty list", "team", [], false],
    ["a single value as a one-item list", "team", "team", true],
  ] as const)("%s", (_name, actual, value, expected) => {
    expect(check("in", actual, value as TCondition["value"])).toBe(expected);
  });

  it("is false when absent or when no list is given", () => {
    expect(check("in", undefined, ["a"])).toBe(false);
    expect(check("in", null, ["a"])).toBe(false);
    expect(check("in", "a", undefined)).toBe(false);
  });
});

describe("evaluate: gt / lt", () => {
  it.each([
    [12, 10, true, false],
    [10, 10, false, false],
    [8, 10, false, true],
    ["12", 10, true, false],
    [12, "10", true, false],
    ["9", "10", false, true], // numerically, not as text ("9" > "10" as strings)
    [-1.5, 0, false, true],
    ["2026-03-01", "2026-02-28", true, false],
    ["2026-02-28T23:59:59Z", "2026-03-01", false, true],
    ["2026-03-01T10:00:00+02:00", "2026-03-01T09:00:00Z", false, true],
    ["2026-03-01", "2026-03-01", false, false],
  ] as const)("%s against %s: gt %s, lt %s", (actual, value, gt, lt) => {
    expect(check("gt", actual, value)).toBe(gt);
    expect(check("lt", actual, value)).toBe(lt);
  });

  it("is false for both when the sides are not both numbers or both dates", () => {
    const pairs: [unknown, TCondition["value"]][] = [
      ["b", "a"], // text is not ordered
      ["2026-03-01", 5],
      [5, "2026-03-01"],
      ["2026-13-45", "2026-01-01"], // not a real date
      ["March 1 2026", "2026-01-01"], // not ISO
      [true, false],
      [undefined, 5],
      [null, 5],
      [[5], 1],
      [5, [1]],
      [5, undefined],
    ];
    for (const [actual, value] of pairs) {
      expect(check("gt", actual, value), `gt ${String(actual)} ${String(value)}`).toBe(false);
      expect(check("lt", actual, value), `lt ${String(actual)} ${String(value)}`).toBe(false);
    }
  });
});

describe("evaluate: is_set / is_not_set", () => {
  it.each([
    ["absent", undefined, false],
    ["null (removed)", null, false],
    ["empty string", "", true],
    ["zero", 0, true],
    ["false", false, true],
    ["an object", { a: 1 }, true],
  ] as const)("%s", (_name, actual, set) => {
    expect(check("is_set", actual)).toBe(set);
    expect(check("is_not_set", actual)).toBe(!set);
  });

  it("reads only the subject's own keys, never Object.prototype", () => {
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      expect(evaluate(and(cond(name, "is_set")), subject({}))).toBe(false);
      expect(evaluate(and(cond(name, "is_not_set")), subject({}))).toBe(true);
    }
  });
});

describe("evaluate: sources", () => {
  const user = subject({ email: "attr@example.com", plan: "paying" }, { email: "ann@example.com" });

  it("reads traits for source trait and attributes for source attribute", () => {
    expect(evaluate(and(cond("email", "equals", "ann@example.com", "trait")), user)).toBe(true);
    expect(evaluate(and(cond("email", "equals", "ann@example.com", "attribute")), user)).toBe(false);
    expect(evaluate(and(cond("plan", "is_set", undefined, "trait")), user)).toBe(false);
    expect(evaluate(and(cond("plan", "is_not_set", undefined, "trait")), user)).toBe(true);
  });
});

describe("evaluate: groups", () => {
  const user = subject({ plan: "paying", seats: 12, role: "admin" });
  const yes = cond("plan", "equals", "paying");
  const no = cond("plan", "equals", "free");

  it("AND needs every child, OR any child", () => {
    expect(evaluate(and(yes, yes), user)).toBe(true);
    expect(evaluate(and(yes, no), user)).toBe(false);
    expect(evaluate(or(no, yes), user)).toBe(true);
    expect(evaluate(or(no, no), user)).toBe(false);
  });

  it("nests groups to any depth", () => {
    // plan = paying AND (seats > 20 OR (role = admin AND seats > 10))
    const rules = and(yes, or(cond("seats", "gt", 20), and(cond("role", "equals", "admin"), cond("seats", "gt", 10))));
    expect(evaluate(rules, user)).toBe(true);
    expect(evaluate(rules, subject({ plan: "paying", seats: 12, role: "member" }))).toBe(false);
    expect(evaluate(rules, subject({ plan: "paying", seats: 25 }))).toBe(true);
    expect(evaluate(rules, subject({ seats: 25, role: "admin" }))).toBe(false);
    expect(evaluate(or(and(or(and(no)))), user)).toBe(false);
    expect(evaluate(or(and(or(and(yes)))), user)).toBe(true);
  });

  it("treats an empty AND as true and an empty OR as false", () => {
    expect(evaluate(and(), user)).toBe(true);
    expect(evaluate(or(), user)).toBe(false);
    expect(evaluate(and(or()), user)).toBe(false);
  });

  it("an end user with no attributes matches only absence", () => {
    const nobody = subject({});
    expect(evaluate(and(cond("plan", "not_equals", "free")), nobody)).toBe(false);
    expect(evaluate(and(cond("plan", "is_not_set"), cond("email", "is_not_set", undefined, "trait")), nobody)).toBe(true);
  });
});

describe("usesTraits", () => {
  it("finds a trait condition at any depth", () => {
    expect(usesTraits(and(cond("plan", "is_set")))).toBe(false);
    expect(usesTraits(and(cond("plan", "is_set"), or(and(cond("email", "is_set", undefined, "trait")))))).toBe(true);
    expect(usesTraits(cond("email", "is_set", undefined, "trait"))).toBe(true);
    expect(usesTraits(and())).toBe(false);
  });
});
