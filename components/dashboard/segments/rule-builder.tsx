"use client";

import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { TCondition, TGroup, TRule } from "@/lib/segments/rules-schema";

export type Suggestions = { attributes: { key: string; users: number }[]; traits: readonly string[] };

const OPERATORS: { value: TCondition["operator"]; label: string }[] = [
  { value: "equals", label: "equals" },
  { value: "not_equals", label: "does not equal" },
  { value: "contains", label: "contains" },
  { value: "starts_with", label: "starts with" },
  { value: "in", label: "is one of (comma-separated)" },
  { value: "gt", label: "is greater than" },
  { value: "lt", label: "is less than" },
  { value: "is_set", label: "is set" },
  { value: "is_not_set", label: "is not set" },
];

/** Typed text → the value the rule stores: numbers for gt/lt, a list for "in", true/false as booleans. */
function toValue(operator: string, text: string): TCondition["value"] {
  if (operator === "in") return text.split(",").map((s) => s.trim()).filter(Boolean);
  if ((operator === "gt" || operator === "lt") && text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
  if (text === "true" || text === "false") return text === "true";
  return text;
}
const toText = (v: TCondition["value"]) => (Array.isArray(v) ? v.join(", ") : v === undefined ? "" : String(v));

export const newCondition = (): TCondition => ({ kind: "condition", source: "attribute", attribute: "", operator: "equals", value: "" });

function ConditionRow({ rule, path, onChange, onRemove, err, suggestions }: { rule: TCondition; path: string; onChange: (r: TRule) => void; onRemove: () => void; err: (p: string) => string | undefined; suggestions: Suggestions }) {
  const id = `rule-${path.replace(/\./g, "-")}`;
  const needsValue = rule.operator !== "is_set" && rule.operator !== "is_not_set";
  const listId = `${id}-keys`;
  const keys = rule.source === "trait" ? suggestions.traits : suggestions.attributes.map((a) => a.key);
  return (
    <div className="grid gap-2 rounded-md bg-white p-3 ring-1 ring-slate-200 sm:grid-cols-[8rem_1fr_12rem_1fr_auto] sm:items-start">
      <div>
        <label htmlFor={`${id}-source`} className="sr-only">Source</label>
        <select id={`${id}-source`} className={inputClass} value={rule.source} onChange={(e) => onChange({ ...rule, source: e.target.value as TCondition["source"] })}>
          <option value="attribute">Attribute</option>
          <option value="trait">Trait</option>
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-attribute`} className="sr-only">Attribute name</label>
        <input id={`${id}-attribute`} list={listId} placeholder="plan" className={inputClass} value={rule.attribute} aria-invalid={err(`${path}.attribute`) ? true : undefined}
          aria-describedby={err(`${path}.attribute`) ? `${id}-attribute-error` : undefined} onChange={(e) => onChange({ ...rule, attribute: e.target.value })} />
        <datalist id={listId}>{keys.map((k) => <option key={k} value={k} />)}</datalist>
        {err(`${path}.attribute`) ? <p id={`${id}-attribute-error`} className="text-sm text-red-600">{err(`${path}.attribute`)}</p> : null}
      </div>
      <div>
        <label htmlFor={`${id}-operator`} className="sr-only">Operator</label>
        <select id={`${id}-operator`} className={inputClass} value={rule.operator}
          onChange={(e) => {
            const operator = e.target.value as TCondition["operator"];
            const noValue = operator === "is_set" || operator === "is_not_set";
            onChange({ ...rule, operator, value: noValue ? undefined : toValue(operator, toText(rule.value)) });
          }}>
          {OPERATORS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </div>
      <div>
        {needsValue ? (
          <>
            <label htmlFor={`${id}-value`} className="sr-only">Value</label>
            <input id={`${id}-value`} placeholder="Value" className={inputClass} value={toText(rule.value)} aria-invalid={err(`${path}.value`) ? true : undefined}
              aria-describedby={err(`${path}.value`) ? `${id}-value-error` : undefined} onChange={(e) => onChange({ ...rule, value: toValue(rule.operator, e.target.value) })} />
            {err(`${path}.value`) ? <p id={`${id}-value-error`} className="text-sm text-red-600">{err(`${path}.value`)}</p> : null}
          </>
        ) : null}
      </div>
      <Button type="button" variant="ghost" onClick={onRemove} aria-label="Remove condition">Remove</Button>
    </div>
  );
}

/** A group of conditions joined by AND or OR; groups nest (at most four levels, as the schema says). */
export function GroupEditor({ group, path, depth, onChange, onRemove, err, suggestions }: { group: TGroup; path: string; depth: number; onChange: (g: TGroup) => void; onRemove?: () => void; err: (p: string) => string | undefined; suggestions: Suggestions }) {
  const setChild = (i: number, child: TRule) => onChange({ ...group, children: group.children.map((c, j) => (j === i ? child : c)) });
  const removeChild = (i: number) => onChange({ ...group, children: group.children.filter((_, j) => j !== i) });
  const id = `group-${path.replace(/\./g, "-")}`;
  return (
    <fieldset className={`space-y-2 rounded-lg p-3 ${depth % 2 ? "bg-slate-100" : "bg-slate-50"} ring-1 ring-slate-200`}>
      <legend className="sr-only">Group of conditions</legend>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={`${id}-combinator`}>End users who match</label>
        <select id={`${id}-combinator`} className={`${inputClass} w-auto`} value={group.combinator} onChange={(e) => onChange({ ...group, combinator: e.target.value as "and" | "or" })}>
          <option value="and">all (AND)</option>
          <option value="or">any (OR)</option>
        </select>
        <span>of these conditions</span>
        {onRemove ? <Button type="button" variant="ghost" className="ml-auto" onClick={onRemove}>Remove group</Button> : null}
      </div>
      {err(`${path}.children`) ? <p role="alert" className="text-sm text-red-600">{err(`${path}.children`)}</p> : null}
      {group.children.map((child, i) =>
        child.kind === "group" ? (
          <GroupEditor key={i} group={child} path={`${path}.children.${i}`} depth={depth + 1} onChange={(g) => setChild(i, g)} onRemove={() => removeChild(i)} err={err} suggestions={suggestions} />
        ) : (
          <ConditionRow key={i} rule={child} path={`${path}.children.${i}`} onChange={(r) => setChild(i, r)} onRemove={() => removeChild(i)} err={err} suggestions={suggestions} />
        ),
      )}
      <div className="flex gap-2">
        <Button type="button" variant="secondary" onClick={() => onChange({ ...group, children: [...group.children, newCondition()] })}>Add condition</Button>
        {depth < 3 ? (
          <Button type="button" variant="ghost" onClick={() => onChange({ ...group, children: [...group.children, { kind: "group", combinator: group.combinator === "and" ? "or" : "and", children: [newCondition()] }] })}>
            Add group
          </Button>
        ) : null}
      </div>
    </fieldset>
  );
}
