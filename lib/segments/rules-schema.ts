// Segment rules: nested AND/OR groups of conditions over attributes (sent by the customer) and
// traits (known after identify). Pure: shared by the API, the dashboard and the "N match" count.
import { z } from "zod";

export const ZOperator = z.enum([
  "equals",
  "not_equals",
  "contains",
  "starts_with",
  "in",
  "gt",
  "lt",
  "is_set",
  "is_not_set",
]);

const ZScalar = z.union([z.string().max(500), z.number(), z.boolean()]);

export const ZCondition = z.object({
  kind: z.literal("condition"),
  source: z.enum(["attribute", "trait"]).default("attribute"),
  attribute: z.string().trim().min(1, "Choose an attribute.").max(100),
  operator: ZOperator,
  // Absent for is_set / is_not_set; a list for "in"; numbers or ISO dates for gt / lt.
  value: z.union([ZScalar, z.array(ZScalar).max(200)]).optional(),
});

export type TCondition = z.infer<typeof ZCondition>;
export type TGroup = { kind: "group"; combinator: "and" | "or"; children: Array<TCondition | TGroup> };
export type TRule = TCondition | TGroup;

const MAX_DEPTH = 4;

export const ZGroup: z.ZodType<TGroup> = z.lazy(() =>
  z.object({
    kind: z.literal("group"),
    combinator: z.enum(["and", "or"]),
    children: z.array(z.union([ZCondition, ZGroup])).min(1, "Add at least one condition.").max(50),
  }),
);

function depth(rule: TRule): number {
  return rule.kind === "condition" ? 0 : 1 + Math.max(0, ...rule.children.map(depth));
}

/** A segment's rules: one root group, at most four levels deep. */
export const ZSegmentRules = ZGroup.refine((g) => depth(g) <= MAX_DEPTH, `Groups can nest at most ${MAX_DEPTH} levels deep.`);
