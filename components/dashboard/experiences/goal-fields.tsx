"use client";

import { Select, TextInput } from "@/components/dashboard/form-controls";
import { HOLDOUT_MAX } from "@/lib/experiences/input";

export type GoalValue = { kind: "event" | "url"; value: string; match: "exact" | "prefix" | "glob"; withinDays: number } | null;

const KINDS = [
  { value: "", label: "No goal" },
  { value: "event", label: "A tracked event (herald.track)" },
  { value: "url", label: "A visit to a URL" },
];
/** How a URL pattern matches (goals, checklist URL tasks); the same rules as triggers. */
export const URL_MATCHES = [
  { value: "prefix", label: "URL starts with" },
  { value: "exact", label: "URL is exactly" },
  { value: "glob", label: "URL matches pattern (*)" },
];

/** What the editor posts: NaN (an empty number box) becomes null, so the server names the field. */
export function goalPayload(goal: GoalValue, holdoutPercent: number) {
  const n = (x: number) => (Number.isFinite(x) ? x : null);
  return { goal: goal ? { ...goal, withinDays: n(goal.withinDays) } : null, holdoutPercent: goal ? n(holdoutPercent) : 0 };
}

/** The experience's goal and its hold-out share; a hold-out only means something against a goal. */
export function GoalFields({
  goal,
  holdoutPercent,
  onChange,
  err,
}: {
  goal: GoalValue;
  holdoutPercent: number;
  onChange: (next: { goal: GoalValue; holdoutPercent: number }) => void;
  err: (path: string) => string | undefined;
}) {
  const set = (patch: Partial<NonNullable<GoalValue>>) => goal && onChange({ goal: { ...goal, ...patch }, holdoutPercent });
  const num = (s: string) => (s === "" ? NaN : Number(s));
  return (
    <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-1 text-base font-semibold">Goal</legend>
        <p className="text-sm text-slate-600 sm:col-span-2">What end users should do after seeing it. The experience page compares those who saw it with a held-out group.</p>
        <Select id="goal-kind" label="Goal type" value={goal?.kind ?? ""} options={KINDS} error={err("goal.kind")}
          onChange={(e) => {
            const kind = e.target.value as "" | "event" | "url";
            if (!kind) onChange({ goal: null, holdoutPercent: 0 });
            else onChange({ goal: { kind, value: goal?.kind === kind ? goal.value : "", match: goal?.match ?? "prefix", withinDays: goal?.withinDays ?? 7 }, holdoutPercent });
          }} />
        {goal?.kind === "event" ? (
          <TextInput id="goal-value" label="Event name" placeholder="report_exported" hint="The name your app sends with herald.track(name)." maxLength={100}
            value={goal.value} error={err("goal.value")} onChange={(e) => set({ value: e.target.value })} />
        ) : null}
        {goal?.kind === "url" ? (
          <>
            <Select id="goal-match" label="Reached when" value={goal.match} options={URL_MATCHES} error={err("goal.match")} onChange={(e) => set({ match: e.target.value as "exact" | "prefix" | "glob" })} />
            <TextInput id="goal-value" label="URL or path" placeholder="/billing/upgrade" hint="Matched in the browser; the URL itself is never sent to Herald."
              value={goal.value} error={err("goal.value")} onChange={(e) => set({ value: e.target.value })} />
          </>
        ) : null}
        {goal ? (
          <>
            <TextInput id="goal-within-days" label="Within (days after seeing it)" type="number" min={1} max={90}
              value={Number.isFinite(goal.withinDays) ? goal.withinDays : ""} error={err("goal.withinDays")} onChange={(e) => set({ withinDays: num(e.target.value) })} />
            <TextInput id="goal-holdout" label="Hold-out share (%)" type="number" min={0} max={HOLDOUT_MAX}
              hint={`Eligible end users kept from seeing it at random, to compare against (0–${HOLDOUT_MAX}; 0 = none).`}
              value={Number.isFinite(holdoutPercent) ? holdoutPercent : ""} error={err("holdoutPercent")} onChange={(e) => onChange({ goal, holdoutPercent: num(e.target.value) })} />
          </>
        ) : null}
      </fieldset>
    </div>
  );
}
