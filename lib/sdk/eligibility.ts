// Which live experiences one end user sees now (DESIGN.md §3). Pure, so that every rule is unit-tested:
// segment, URL trigger, frequency against past events, priority, one modal at a time, and the
// workspace's caps so that end users are never flooded.
//   once            never again after the first view
//   until_completed in later visits too, until completed or dismissed
//   every_session   once in each browser session (tab), however it ended
// Checklists are shown until completed or dismissed, and the resource center (a launcher) always,
// whatever their frequency; the resource center takes no slot under the caps and one is shown at most.
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

function inSegment(e: TCandidate, input: TEligibilityInput<TCandidate>): boolean {
  if (!e.segmentId) return true;
  const rules = input.segments.get(e.segmentId);
  return Boolean(rules && evaluate(rules, input.subject));
}

function targeted(e: TCandidate, input: TEligibilityInput<TCandidate>): boolean {
  return inSegment(e, input) && matchesTrigger((e.trigger ?? { match: "any" }) as TTrigger, input.url);
}

const heldOutOf = (e: TCandidate, past: THistory | undefined, bucket: number) => bucket < e.holdoutPercent && !past?.viewed;

function dueByFrequency(e: TCandidate, past: THistory | undefined, sessionSeen: ReadonlySet<string>): boolean {
  if (e.type === "resource_center") return true;
  if (e.type === "checklist") return !past?.finished;
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
  let centerTaken = false;
  const chosen: C[] = [];
  const heldOut: C[] = [];
  for (const e of input.experiences) {
    const past = input.history.get(e.id);
    if (!targeted(e, input) || !dueByFrequency(e, past, input.sessionSeen)) continue;
    if (heldOutOf(e, past, input.holdoutBucket)) {
      heldOut.push(e);
      continue;
    }
    if (e.type === "resource_center") {
      if (!centerTaken) chosen.push(e);
      centerTaken = true;
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

/**
 * Tours the end user may start again from a resource center or a checklist task: live tours targeted
 * at them here (segment and URL trigger), or in their segment and named by `named` (a shown
 * checklist's tasks), whatever their frequency; never one they are held out of.
 */
export function restartableTours<C extends TCandidate>(input: TEligibilityInput<C>, named: ReadonlySet<string>): C[] {
  return input.experiences.filter(
    (e) => e.type === "tour" && (named.has(e.id) ? inSegment(e, input) : targeted(e, input)) && !heldOutOf(e, input.history.get(e.id), input.holdoutBucket),
  );
}
