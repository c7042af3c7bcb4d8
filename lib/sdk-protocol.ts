// The SDK wire protocol (/api/sdk/v1, DESIGN.md §3): zod schemas shared by the route handlers and,
// as types only (`import type`), by the browser SDK in sdk/. Pure: nothing here may import server code.
import { z } from "zod";
import { ZTourContent, ZTypedContent } from "@/lib/experiences/content";

/** Request body limits (bytes) and batch size; over them the API answers 413. */
export const SDK_LIMITS = {
  resolveBytes: 16 * 1024,
  eventsBytes: 64 * 1024,
  identifyBytes: 8 * 1024,
  eventsPerBatch: 100,
  eventMaxAgeDays: 7,
  attributes: 50,
} as const;

const ZKey = z.string({ error: "key is required." }).trim().min(1, "key is required.").max(100);
/** A random id the SDK draws (crypto.randomUUID); never derived from the device. */
export const ZAnonymousId = z
  .string({ error: "anonymousId is required." })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "anonymousId must be 8–64 letters, digits, - or _.");
const ZClientEventId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "Event id must be 8–64 letters, digits, - or _.");
const ZExperienceId = z.uuid("experienceId must be a UUID.");

/** Non-personal attributes the customer sends (`plan: "paying"`); null removes one. */
export const ZAttributes = z
  .record(
    z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, "Attribute names are 1–64 letters, digits, _ . or -."),
    z.union([z.string().max(500, "Attribute values are at most 500 characters."), z.number().finite(), z.boolean(), z.null()]),
  )
  .refine((a) => Object.keys(a).length <= SDK_LIMITS.attributes, `At most ${SDK_LIMITS.attributes} attributes.`);
export type TAttributes = z.infer<typeof ZAttributes>;

// ─── POST /resolve ──────────────────────────────────────────────────────────
export const ZResolveRequest = z
  .object({
    key: ZKey,
    anonymousId: ZAnonymousId,
    attributes: ZAttributes.optional(),
    /** The page the end user is on (used for URL triggers, never stored). */
    url: z.url({ error: "url must be an absolute URL." }).max(2000),
    /** Chooses translated content; used for this answer only, never stored. */
    locale: z.string().regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/).max(35).optional(),
    /** Experiences already shown in this browser tab (for "every session" and the per-session cap). */
    sessionSeen: z.array(ZExperienceId).max(100).default([]),
  })
  .strict();
export type TResolveRequest = z.input<typeof ZResolveRequest>;

export const ZTheme = z.object({ primaryColor: z.string(), textColor: z.string(), backgroundColor: z.string() });
export type TTheme = z.infer<typeof ZTheme>;

/** One experience as the SDK renders it: content already in the end user's locale. */
export const ZSdkExperience = z.intersection(
  z.object({
    id: z.uuid(),
    frequency: z.enum(["once", "until_completed", "every_session"]),
    priority: z.number().int(),
    /** Checklists only: the ids of the tasks this end user has done (kept on the server, see lib/experiences/checklist.ts). */
    done: z.array(z.string()).optional(),
  }),
  ZTypedContent,
);
export type TSdkExperience = z.infer<typeof ZSdkExperience>;

/**
 * What a resource center or a checklist can start: live tours this end user is targeted by (segment and
 * URL trigger, or named by a shown checklist's task), whatever their frequency, in the end user's locale.
 */
export const ZSdkResources = z.object({
  tours: z.array(z.object({ id: z.uuid(), title: z.string(), content: ZTourContent })),
});
export type TSdkResources = z.infer<typeof ZSdkResources>;

/** A URL goal of a live experience: the SDK sends a `goal` event when the page matches (the URL stays in the browser). */
export const ZSdkGoal = z.object({ experienceId: z.uuid(), match: z.enum(["exact", "prefix", "glob"]), url: z.string() });
export type TSdkGoal = z.infer<typeof ZSdkGoal>;

export const ZResolveResponse = z.object({
  /** Eligible now, highest priority first; at most one modal (announcement, survey, tour). */
  experiences: z.array(ZSdkExperience),
  goals: z.array(ZSdkGoal),
  /** Sent only when a resource center or a checklist is among the experiences. */
  resources: ZSdkResources.optional(),
  theme: ZTheme,
  changelog: z.object({ latestPublishedAt: z.string().nullable() }),
});
export type TResolveResponse = z.infer<typeof ZResolveResponse>;

// ─── POST /events ───────────────────────────────────────────────────────────
/** A survey answer: NPS/rating score, a choice, several choices, or free text. */
export const ZAnswerValue = z.union([
  z.number().int().min(0).max(10),
  z.string().max(5000, "An answer is at most 5,000 characters."),
  z.array(z.string().max(100)).max(20),
]);
export type TAnswerValue = z.infer<typeof ZAnswerValue>;

const eventBase = {
  /** Client event id: a retried batch is stored once. */
  id: ZClientEventId,
  /**
   * When it happened in the browser (ms since epoch). Events older than SDK_LIMITS.eventMaxAgeDays are
   * refused (counted as rejected), which lets the server forget receipts after that and stay exactly-once.
   */
  at: z.number({ error: "Each event needs `at`, its time in ms since the epoch." }).int().positive(),
};
export const ZSdkEvent = z.discriminatedUnion(
  "type",
  [
    z.object({ ...eventBase, type: z.enum(["view", "complete", "dismiss", "click"]), experienceId: ZExperienceId }).strict(),
    z.object({ ...eventBase, type: z.literal("step"), experienceId: ZExperienceId, step: z.number().int().min(0).max(99) }).strict(),
    z.object({ ...eventBase, type: z.literal("answer"), experienceId: ZExperienceId, questionId: z.string().min(1).max(64), answer: ZAnswerValue }).strict(),
    z.object({ ...eventBase, type: z.literal("track"), name: z.string().trim().min(1).max(100) }).strict(),
    /** The page matched this experience's URL goal (stored as a "page" event without the URL). */
    z.object({ ...eventBase, type: z.literal("goal"), experienceId: ZExperienceId }).strict(),
    /** A checklist task the browser saw done (a URL visit or a click on it); stored with the task id in `name`. */
    z.object({ ...eventBase, type: z.literal("task"), experienceId: ZExperienceId, taskId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "taskId must be 1–64 letters, digits, - or _.") }).strict(),
  ],
  { error: "Event type must be view, step, complete, dismiss, click, answer, track, goal or task." },
);
export type TSdkEvent = z.infer<typeof ZSdkEvent>;

export const ZEventsRequest = z
  .object({
    key: ZKey,
    anonymousId: ZAnonymousId,
    events: z.array(ZSdkEvent).min(1, "Send at least one event.").max(SDK_LIMITS.eventsPerBatch, `At most ${SDK_LIMITS.eventsPerBatch} events per batch.`),
  })
  .strict();
export type TEventsRequest = z.infer<typeof ZEventsRequest>;

export const ZEventsResponse = z.object({
  /** Newly stored, already stored before (a retry), and refused (unknown experience or question, answer of the wrong kind). */
  stored: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
});
export type TEventsResponse = z.infer<typeof ZEventsResponse>;

// ─── POST /identify ─────────────────────────────────────────────────────────
export const ZTraits = z.strictObject(
  {
    email: z.email("traits.email must be an email address.").max(320).optional(),
    name: z.string().trim().max(200).optional(),
    username: z.string().trim().max(200).optional(),
  },
  { error: (iss) => (iss.code === "unrecognized_keys" ? "Only email, name and username are stored as traits; send anything else with setAttributes." : undefined) },
);
export type TTraits = z.infer<typeof ZTraits>;

export const ZIdentifyRequest = z
  .object({
    key: ZKey,
    anonymousId: ZAnonymousId,
    userId: z.string({ error: "userId is required." }).trim().min(1, "userId is required.").max(200),
    traits: ZTraits.default({}),
    /** HMAC-SHA256(userId, identity secret) as hex; required when identity verification is on. */
    userHash: z.string().max(128).optional(),
  })
  .strict();
export type TIdentifyRequest = z.input<typeof ZIdentifyRequest>;
