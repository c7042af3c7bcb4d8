import { Card } from "@/components/ui/card";
import type { TGoal } from "@/lib/experiences/content";

type Group = { users: number; converted: number; rate: number | null };
export type GoalCardData = { goal: TGoal; seen: Group; heldOut: Group | null } | null;

const MATCH_WORDS = { exact: "a URL that is exactly", prefix: "a URL starting with", glob: "a URL matching" } as const;

export const percent = (rate: number | null) => (rate === null ? "—" : `${(rate * 100).toFixed(1)}%`);

/** "+12.5 points", "−3.0 points", or null when either group has nobody. */
export function difference(seen: Group, heldOut: Group | null): string | null {
  if (!heldOut || seen.rate === null || heldOut.rate === null) return null;
  const d = (seen.rate - heldOut.rate) * 100;
  return `${d > 0 ? "+" : d < 0 ? "−" : "±"}${Math.abs(d).toFixed(1)} percentage points`;
}

function goalSentence(goal: TGoal): string {
  const days = `within ${goal.withinDays} day${goal.withinDays === 1 ? "" : "s"}`;
  return goal.kind === "event" ? `Their app tracks “${goal.value}” ${days}.` : `They visit ${MATCH_WORDS[goal.match]} ${goal.value} ${days}.`;
}

/** How many who saw the experience reached its goal, against the held-out group. */
export function GoalCard({ data }: { data: GoalCardData }) {
  if (!data) {
    return (
      <Card>
        <h2 className="text-base font-semibold">Goal</h2>
        <p className="mt-1 text-sm text-slate-600">No goal set. Choose one in the Goal section below (a tracked event or a URL visit within some days) to see how many end users reach it after seeing this experience, and how many do without it.</p>
      </Card>
    );
  }
  const { goal, seen, heldOut } = data;
  const diff = difference(seen, heldOut);
  const rows = [{ label: "Saw it", g: seen }, ...(heldOut ? [{ label: "Held out", g: heldOut }] : [])];
  return (
    <Card>
      <h2 className="text-base font-semibold">Goal</h2>
      <p className="mt-1 text-sm text-slate-700">{goalSentence(goal)}</p>
      <table className="mt-4 w-full text-left text-sm" data-testid="goal-table">
        <caption className="sr-only">Goal conversion by group</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Group</th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">End users</th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">Reached the goal</th>
            <th scope="col" className="py-2 text-right font-medium">Conversion</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map(({ label, g }) => (
            <tr key={label} data-testid={`goal-${label === "Saw it" ? "seen" : "held-out"}`}>
              <th scope="row" className="py-2 pr-4 font-medium text-slate-900">{label}</th>
              <td className="py-2 pr-4 text-right tabular-nums">{g.users}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{g.converted}</td>
              <td className="py-2 text-right font-semibold tabular-nums">{percent(g.rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-sm text-slate-800" data-testid="goal-difference">
        {heldOut
          ? diff
            ? `Difference: ${diff} (saw it minus held out).`
            : "Difference: not yet, one of the groups has nobody."
          : "No hold-out group: set a hold-out share below to compare with end users who did not see it."}
      </p>
      <p className="mt-2 text-xs text-slate-600">
        Counted from events: an end user reached the goal when it happened after they first saw the experience (or, held out, after they would have) and within {goal.withinDays} day{goal.withinDays === 1 ? "" : "s"}. Held-out end users are eligible ones kept from seeing it at random.
      </p>
    </Card>
  );
}
