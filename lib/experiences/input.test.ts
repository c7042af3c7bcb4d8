import { describe, expect, it } from "vitest";
import { z } from "zod";
import { blankContent, EDITABLE_TYPES, jsonField, ZExperienceInput } from "./input";

describe("experience input", () => {
  it("parses a JSON form field, then validates it, with clear messages", () => {
    const field = jsonField(z.object({ a: z.number() }), 20);
    expect(field.parse('{"a":1}')).toEqual({ a: 1 });
    expect(field.safeParse("{not json").error?.issues[0].message).toBe("The form could not be read; reload the page.");
    expect(field.safeParse(JSON.stringify({ a: "x".repeat(30) })).error?.issues[0].message).toBe("The form is larger than 20 characters.");
    expect(field.safeParse('{"a":"1"}').success).toBe(false);
  });

  it("starts every editable type from a blank that asks for the missing text", () => {
    for (const type of EDITABLE_TYPES) {
      const r = ZExperienceInput.safeParse({ name: "x", typed: { type, content: blankContent(type) }, trigger: { match: "any" }, frequency: "once", priority: 0, segmentId: null });
      expect(r.success, type).toBe(false);
      expect(r.error?.issues.every((i) => i.path[0] === "typed"), type).toBe(true);
    }
  });

  it("builds checklists and resource centers; refuses out-of-range priorities", () => {
    const base = { name: "x", trigger: { match: "any" }, frequency: "once", segmentId: null };
    const checklist = { type: "checklist", content: { title: "T", tasks: [{ id: "t", label: "L", completeWhen: { kind: "click" } }] } };
    expect(ZExperienceInput.safeParse({ ...base, priority: 0, typed: checklist }).success).toBe(true);
    const center = { type: "resource_center", content: { title: "Help", launcher: { kind: "element", selector: "#help" }, sections: [{ title: "Docs", links: [{ label: "Guide", url: "/docs" }] }] } };
    expect(ZExperienceInput.safeParse({ ...base, priority: 0, typed: center }).success).toBe(true);
    const banner = { type: "banner", content: { body: "Hi" } };
    expect(ZExperienceInput.safeParse({ ...base, priority: 101, typed: banner }).error?.issues[0].message).toBe("Use 0 to 100.");
    expect(ZExperienceInput.safeParse({ ...base, priority: 5, typed: banner }).success).toBe(true);
  });
});
