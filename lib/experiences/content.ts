// The shape of every experience type's content, shared by the dashboard editor, the API, the SDK
// renderer and the demo seed. Pure (no server code) so that sdk/ may import it through lib/sdk-protocol.ts.
import { z } from "zod";
import { parse as parseSelector } from "css-what";

const text = (max: number, label: string) =>
  z.string().trim().min(1, `${label} is required.`).max(max, `${label} must be at most ${max} characters.`);
const markdown = z.string().max(10_000, "Text must be at most 10,000 characters.");
const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "Use letters, digits, - and _ only.");

export const ZSelector = z
  .string()
  .trim()
  .min(1, "Enter a CSS selector, like #save-button.")
  .max(500, "A selector must be at most 500 characters.")
  .refine((s) => {
    try {
      parseSelector(s);
      return true;
    } catch {
      return false;
    }
  }, "That is not a valid CSS selector.");

export const ZHttpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => /^https?:\/\//i.test(u) || u.startsWith("/"), "Use an http(s) URL or a path starting with /.");

export const ZButton = z.object({
  label: text(40, "Button label"),
  action: z.enum(["dismiss", "next", "complete", "link"]),
  url: ZHttpUrl.optional(),
});

export const ZPlacement = z.enum(["auto", "top", "bottom", "left", "right"]);

export const ZAnnouncementContent = z.object({
  title: text(120, "Title"),
  body: markdown,
  imageUrl: ZHttpUrl.optional(),
  buttons: z.array(ZButton).max(3).default([]),
});

export const ZBannerContent = z.object({
  body: text(500, "Banner text"),
  position: z.enum(["top", "bottom"]).default("top"),
  dismissible: z.boolean().default(true),
  buttons: z.array(ZButton).max(2).default([]),
});

export const ZTourStep = z.object({
  id,
  selector: ZSelector,
  title: text(120, "Step title"),
  body: markdown,
  placement: ZPlacement.default("auto"),
});
export const ZTourContent = z.object({
  /** How the resource center lists it (else its first step's title). */
  title: z.string().trim().max(120, "A title must be at most 120 characters.").optional(),
  steps: z.array(ZTourStep).min(1, "Add at least one step.").max(20),
});

export const ZHintContent = z.object({
  selector: ZSelector,
  title: z.string().trim().max(120).optional(),
  body: text(1000, "Hint text"),
  placement: ZPlacement.default("auto"),
});

export const ZQuestionType = z.enum(["nps", "rating", "single_choice", "multiple_choice", "text"]);
export const ZQuestion = z
  .object({
    id,
    type: ZQuestionType,
    prompt: text(300, "Question"),
    required: z.boolean().default(true),
    options: z.array(text(100, "Option")).max(20).optional(),
    scale: z.union([z.literal(5), z.literal(10)]).optional(),
    placeholder: z.string().max(100).optional(),
  })
  .refine((q) => !["single_choice", "multiple_choice"].includes(q.type) || (q.options?.length ?? 0) >= 2, {
    message: "A choice question needs at least two options.",
    path: ["options"],
  });
export const ZSurveyContent = z.object({
  title: z.string().trim().max(120).optional(),
  questions: z.array(ZQuestion).min(1, "Add at least one question.").max(20),
  thankYou: z.string().max(300).default("Thank you for your feedback!"),
});

export const ZTaskCompletion = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("event"), name: text(100, "Event name") }),
  z.object({ kind: z.literal("experience_completed"), experienceId: z.uuid("Choose a tour or survey.") }),
  z.object({ kind: z.literal("url"), match: z.enum(["exact", "prefix", "glob"]), url: text(2000, "URL") }),
  z.object({ kind: z.literal("click") }),
]);
export const ZTaskAction = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("start_tour"), experienceId: z.uuid("Choose a tour.") }),
  z.object({ kind: z.literal("link"), url: ZHttpUrl }),
]);
export const ZChecklistContent = z.object({
  title: text(120, "Title"),
  tasks: z
    .array(z.object({ id, label: text(120, "Task"), description: z.string().max(500).optional(), completeWhen: ZTaskCompletion, action: ZTaskAction.optional() }))
    .min(1, "Add at least one task.")
    .max(20),
  celebration: z.string().max(300).default("All done — nice work!"),
});

export const ZResourceCenterContent = z.object({
  title: text(120, "Title"),
  launcher: z.discriminatedUnion("kind", [z.object({ kind: z.literal("floating") }), z.object({ kind: z.literal("element"), selector: ZSelector })]),
  sections: z
    .array(z.object({ title: text(80, "Section title"), links: z.array(z.object({ label: text(120, "Link label"), url: ZHttpUrl, description: z.string().max(300).optional() })).max(30) }))
    .max(10)
    .default([]),
  showChangelog: z.boolean().default(true),
  showChecklists: z.boolean().default(true),
  showTours: z.boolean().default(true),
});

export const ZTrigger = z.object({
  match: z.enum(["any", "exact", "prefix", "glob"]).default("any"),
  url: z.string().trim().max(2000).optional(),
});
export const ZFrequency = z.enum(["once", "until_completed", "every_session"]);
/** Reached when the end user sends this tracked event, or visits a matching URL, within N days of seeing the experience. */
export const ZGoal = z.object({
  kind: z.enum(["event", "url"]),
  value: text(2000, "Goal"),
  // For URL goals, matched in the browser like a trigger (the URL is never sent); ignored for events.
  match: z.enum(["exact", "prefix", "glob"]).default("prefix"),
  withinDays: z.number().int().min(1).max(90),
});

/** Content per experience type: `{ type, content }` validated together. */
export const ZTypedContent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("announcement"), content: ZAnnouncementContent }),
  z.object({ type: z.literal("banner"), content: ZBannerContent }),
  z.object({ type: z.literal("tour"), content: ZTourContent }),
  z.object({ type: z.literal("hint"), content: ZHintContent }),
  z.object({ type: z.literal("survey"), content: ZSurveyContent }),
  z.object({ type: z.literal("checklist"), content: ZChecklistContent }),
  z.object({ type: z.literal("resource_center"), content: ZResourceCenterContent }),
]);

export type TTypedContent = z.infer<typeof ZTypedContent>;
export type TExperienceType = TTypedContent["type"];
export type TSurveyContent = z.infer<typeof ZSurveyContent>;
export type TQuestion = z.infer<typeof ZQuestion>;
export type TTourContent = z.infer<typeof ZTourContent>;
export type TChecklistContent = z.infer<typeof ZChecklistContent>;
export type TResourceCenterContent = z.infer<typeof ZResourceCenterContent>;
export type TTrigger = z.infer<typeof ZTrigger>;
export type TGoal = z.infer<typeof ZGoal>;

/** Types that take the whole screen's focus: at most one is shown at a time. */
export const MODAL_TYPES: readonly TExperienceType[] = ["announcement", "survey", "tour"];
