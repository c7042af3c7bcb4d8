// Which live experiences one end user sees now (DESIGN.md §3). Pure, so that every rule is unit-tested:
// segment, URL trigger, frequency against past events, priority, one modal at a time, and the
// workspace's caps so that end users are never flooded.
//   once            never again after the first view
//   until_completed in later visits too, until completed or dismissed
//   every_session   once in each browser session (tab), however it ended
import { MODAL_TYPES, type TExperienceType, type TTrigger } from "@/lib/experiences/content";
import { matchesTrigger } from "@/lib/experiences/url-trigger";
import { evaluate, type TMatchSubject } from "@/lib/segments/evaluate";
import type { TGroup } from "@/lib/segments/rules-schema";

export type TCandidate = {
  id: string;
  type: TExperienceType;
  segmentId: string | null;
  trigger: unknown;
  frequency: "once" | "until_completed" | "every_session";
  priority: number;
  /** Share of eligible end users (0–100) held out as the goal's control group. */
  holdoutPercent: number;
};

/** What experience_user_state says about one experience and this end user. */
export type THistory = { viewed: boolean; finished: boolean; viewedToday: boolean; heldOut: boolean };

export type TEligibilityInput<C extends TCandidate> = {
  /** Live experiences, highest priority first. */
  experiences: readonly C[];
  segments: ReadonlyMap<string, TGroup>;
  subject: TMatchSubject;
  url: string;
  history: ReadonlyMap<string, THistory>;
  sessionSeen: ReadonlySet<string>;
  limits: { maxPerSession: number; maxPerDay: number };
  /** The end user's random 0–99 draw: held out of an experience when below its hold-out share. */
  holdoutBucket: number;
};

/** The types the SDK renders as one-off experiences (checklists and the resource center come later). */
const RESOLVABLE: readonly TExperienceType[] = ["announcement", "banner", "tour", "hint", "survey"];

function targeted(e: TCandidate, input: TEligibilityInput<TCandidate>): boolean {
  if (!RESOLVABLE.includes(e.type)) return false;
  if (e.segmentId) {
    const rules = input.segments.get(e.segmentId);
    if (!rules || !evaluate(rules, input.subject)) return false;
  }
  return matchesTrigger((e.trigger ?? { match: "any" }) as TTrigger, input.url);
}

function dueByFrequency(e: TCandidate, past: THistory | undefined, sessionSeen: ReadonlySet<string>): boolean {
  if (e.frequency === "once") return !past?.viewed;
  if (e.frequency === "until_completed") return !past?.finished;
  return !sessionSeen.has(e.id);
}

/**
 * Priority order is kept; an experience already shown this session or today takes no new slot under
 * the caps. Eligible experiences the end user is held out of are never shown and are listed apart,
 * before the caps apply, so that the control group is "would have been eligible".
 */
export function selectEligible<C extends TCandidate>(input: TEligibilityInput<C>): { chosen: C[]; heldOut: C[] } {
  let sessionSlots = Math.max(0, input.limits.maxPerSession - input.sessionSeen.size);
  let viewedToday = 0;
  for (const h of input.history.values()) if (h.viewedToday) viewedToday++;
  let daySlots = Math.max(0, input.limits.maxPerDay - viewedToday);
  let modalTaken = false;
  const chosen: C[] = [];
  const heldOut: C[] = [];
  for (const e of input.experiences) {
    const past = input.history.get(e.id);
    if (!targeted(e, input) || !dueByFrequency(e, past, input.sessionSeen)) continue;
    if (input.holdoutBucket < e.holdoutPercent && !past?.viewed) {
      heldOut.push(e);
      continue;
    }
    const modal = MODAL_TYPES.includes(e.type);
    if (modal && modalTaken) continue;
    const newThisSession = !input.sessionSeen.has(e.id);
    const newToday = !past?.viewedToday;
    if ((newThisSession && sessionSlots === 0) || (newToday && daySlots === 0)) continue;
    if (newThisSession) sessionSlots--;
    if (newToday) daySlots--;
    if (modal) modalTaken = true;
    chosen.push(e);
  }
  return { chosen, heldOut };
}
