import { describe, expect, it } from "vitest";
import type { TGroup } from "@/lib/segments/rules-schema";
import { restartableTours, selectEligible, type TCandidate, type TEligibilityInput, type THistory } from "./eligibility";

let n = 0;
const exp = (over: Partial<TCandidate> = {}): TCandidate => ({ id: `e${++n}`, type: "banner", segmentId: null, trigger: { match: "any" }, frequency: "once", priority: 0, holdoutPercent: 0, ...over });
const paying: TGroup = { kind: "group", combinator: "and", children: [{ kind: "condition", source: "attribute", attribute: "plan", operator: "equals", value: "paying" }] };

function select(experiences: TCandidate[], over: Partial<TEligibilityInput<TCandidate>> = {}) {
  return selectEligible({
    experiences,
    segments: new Map([["paying", paying]]),
    subject: { attributes: {}, traits: {} },
    url: "https://app.example/dashboard",
    history: new Map(),
    sessionSeen: new Set(),
    limits: { maxPerSession: 10, maxPerDay: 10 },
    holdoutBucket: 50,
    ...over,
  });
}
const pick = (experiences: TCandidate[], over: Partial<TEligibilityInput<TCandidate>> = {}) => select(experiences, over).chosen.map((e) => e.id);
const past = (h: Partial<THistory>): THistory => ({ viewed: false, finished: false, viewedToday: false, heldOut: false, ...h });

describe("selectEligible", () => {
  it("targets by segment and URL trigger", () => {
    const all = exp();
    const forPaying = exp({ segmentId: "paying" });
    const missingSegment = exp({ segmentId: "deleted" });
    const onSettings = exp({ trigger: { match: "prefix", url: "/settings" } });
    expect(pick([all, forPaying, missingSegment, onSettings])).toEqual([all.id]);
    expect(pick([all, forPaying, onSettings], { subject: { attributes: { plan: "paying" }, traits: {} }, url: "https://app.example/settings/team" })).toEqual([all.id, forPaying.id, onSettings.id]);
  });

  it("applies each frequency to the end user's past events and this session", () => {
    const once = exp({ frequency: "once" });
    const until = exp({ frequency: "until_completed" });
    const session = exp({ frequency: "every_session" });
    const list = [once, until, session];
    expect(pick(list, { history: new Map([[once.id, past({ viewed: true })], [until.id, past({ viewed: true })], [session.id, past({ viewed: true, finished: true })]]) })).toEqual([until.id, session.id]);
    expect(pick(list, { history: new Map([[until.id, past({ viewed: true, finished: true })]]) })).toEqual([once.id, session.id]);
    expect(pick(list, { sessionSeen: new Set([session.id]) })).toEqual([once.id, until.id]);
  });

  it("keeps priority order and at most one modal (announcement, survey or tour)", () => {
    const survey = exp({ type: "survey", priority: 9 });
    const tour = exp({ type: "tour", priority: 5 });
    const banner = exp({ type: "banner", priority: 3 });
    const hint = exp({ type: "hint", priority: 1 });
    expect(pick([survey, tour, banner, hint])).toEqual([survey.id, banner.id, hint.id]);
  });

  it("shows a checklist until it is completed or dismissed, and one resource center always, outside the caps", () => {
    const checklist = exp({ type: "checklist", frequency: "once" }); // "once" would hide it after the first view
    const center = exp({ type: "resource_center", priority: 9 });
    const second = exp({ type: "resource_center" });
    const banner = exp();
    expect(pick([center, second, checklist, banner])).toEqual([center.id, checklist.id, banner.id]);
    expect(pick([center, checklist], { history: new Map([[checklist.id, past({ viewed: true })], [center.id, past({ viewed: true })]]) })).toEqual([center.id, checklist.id]);
    expect(pick([center, checklist], { history: new Map([[checklist.id, past({ viewed: true, finished: true })]]) })).toEqual([center.id]);
    // The launcher takes no slot: with one slot left the checklist still gets it.
    expect(pick([center, checklist, banner], { limits: { maxPerSession: 1, maxPerDay: 10 } })).toEqual([center.id, checklist.id]);
    expect(pick([center], { limits: { maxPerSession: 0, maxPerDay: 0 } })).toEqual([center.id]);
  });

  it("caps new experiences per session and per day; ones already shown keep their place", () => {
    const [a, b, c] = [exp({ frequency: "until_completed" }), exp(), exp()];
    expect(pick([a, b, c], { limits: { maxPerSession: 2, maxPerDay: 10 } })).toEqual([a.id, b.id]);
    // a was shown in this tab already: it continues and only one new slot is left.
    expect(pick([a, b, c], { limits: { maxPerSession: 2, maxPerDay: 10 }, sessionSeen: new Set([a.id]) })).toEqual([a.id, b.id]);
    expect(pick([b, c], { limits: { maxPerSession: 1, maxPerDay: 10 }, sessionSeen: new Set([a.id]) })).toEqual([]);
    // Three viewed today against a daily cap of 3: nothing new, but one viewed today still shows.
    const seenToday = new Map([["x", past({ viewed: true, viewedToday: true })], ["y", past({ viewed: true, viewedToday: true })], [a.id, past({ viewed: true, viewedToday: true })]]);
    expect(pick([a, b, c], { limits: { maxPerSession: 10, maxPerDay: 3 }, history: seenToday })).toEqual([a.id]);
  });

  it("holds out end users whose draw is below the share, outside the caps, unless they saw it before", () => {
    const held = exp({ type: "survey", holdoutPercent: 20, priority: 9 });
    const other = exp({ type: "announcement", priority: 1 });
    const lowDraw = select([held, other], { holdoutBucket: 19, limits: { maxPerSession: 1, maxPerDay: 10 } });
    expect(lowDraw.chosen.map((e) => e.id)).toEqual([other.id]); // the modal slot and the session slot stay free
    expect(lowDraw.heldOut.map((e) => e.id)).toEqual([held.id]);
    expect(select([held], { holdoutBucket: 20 }).chosen.map((e) => e.id)).toEqual([held.id]);
    // Not targeted: neither shown nor counted as held out.
    expect(select([exp({ holdoutPercent: 100, segmentId: "paying" })], { holdoutBucket: 0 }).heldOut).toEqual([]);
    // Already seen before the hold-out was turned on: keeps being treated as shown.
    const seen = exp({ frequency: "until_completed", holdoutPercent: 50 });
    expect(select([seen], { holdoutBucket: 0, history: new Map([[seen.id, past({ viewed: true })]]) }).chosen.map((e) => e.id)).toEqual([seen.id]);
  });
});

describe("restartableTours", () => {
  it("lists live tours targeted here whatever their frequency, tours a checklist names in the segment anywhere, never a held-out one", () => {
    const done = exp({ type: "tour", frequency: "once" });
    const elsewhere = exp({ type: "tour", trigger: { match: "prefix", url: "/settings" } });
    const named = exp({ type: "tour", trigger: { match: "prefix", url: "/settings" } });
    const forPaying = exp({ type: "tour", segmentId: "paying" });
    const heldOut = exp({ type: "tour", holdoutPercent: 60 });
    const banner = exp();
    const input = {
      experiences: [done, elsewhere, named, forPaying, heldOut, banner],
      segments: new Map([["paying", paying]]),
      subject: { attributes: {}, traits: {} },
      url: "https://app.example/dashboard",
      history: new Map([[done.id, past({ viewed: true, finished: true })]]),
      sessionSeen: new Set<string>(),
      limits: { maxPerSession: 10, maxPerDay: 10 },
      holdoutBucket: 50,
    };
    expect(restartableTours(input, new Set([named.id, forPaying.id])).map((e) => e.id)).toEqual([done.id, named.id]);
    // Seen before the hold-out was set: not held out.
    expect(restartableTours({ ...input, history: new Map([[heldOut.id, past({ viewed: true })]]) }, new Set()).map((e) => e.id)).toEqual([done.id, heldOut.id]);
  });
});
