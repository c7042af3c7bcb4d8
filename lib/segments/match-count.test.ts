import { describe, expect, it } from "vitest";
import { makeEndUser, makeWorkspace } from "@/lib/end-users/test-fixtures";
import { countMatching, type TEvaluator } from "./match-count";
import type { TGroup } from "./rules-schema";

// A stand-in for the real engine (lib/segments/evaluate.ts): it records what it was given.
function recorder(pick: (s: Parameters<TEvaluator>[1]) => boolean) {
  const seen: Parameters<TEvaluator>[1][] = [];
  const evaluate: TEvaluator = (_rules, subject) => {
    seen.push(subject);
    return pick(subject);
  };
  return { evaluate, seen };
}

const byAttribute: TGroup = { kind: "group", combinator: "and", children: [{ kind: "condition", source: "attribute", attribute: "plan", operator: "equals", value: "paying" }] };
const byTrait: TGroup = { kind: "group", combinator: "and", children: [{ kind: "condition", source: "trait", attribute: "email", operator: "is_set" }] };

describe("countMatching", () => {
  it("hands every end user of the workspace to the evaluator and counts the matches", async () => {
    const { workspace } = await makeWorkspace();
    await makeEndUser(workspace.id, { attributes: { plan: "paying" } });
    await makeEndUser(workspace.id, { attributes: { plan: "free" } });
    await makeEndUser(workspace.id, { attributes: { plan: "paying" }, identity: { email: "ann@example.com", name: "Ann" } });
    const other = await makeWorkspace();
    await makeEndUser(other.workspace.id, { attributes: { plan: "paying" } });

    const { evaluate, seen } = recorder((s) => s.attributes.plan === "paying");
    expect(await countMatching(workspace.id, byAttribute, evaluate)).toEqual({ matching: 2, total: 3 });
    // Traits are not decrypted when no rule looks at them.
    expect(seen.every((s) => Object.keys(s.traits).length === 0)).toBe(true);

    const traits = recorder((s) => typeof s.traits.email === "string");
    expect(await countMatching(workspace.id, byTrait, traits.evaluate)).toEqual({ matching: 1, total: 3 });
    expect(traits.seen.find((s) => s.traits.email)?.traits).toEqual({ email: "ann@example.com", name: "Ann" });
  });
});
