// What the dashboard editor sends for an experience: validated here once, by the same content
// schemas the API and the SDK use (content.ts). Pure, so the editor can import the types.
import { z } from "zod";
import { ZFrequency, ZTrigger, ZTypedContent } from "./content";
import { checkTranslations, ZTranslationsInput } from "./translations";

/** Types the dashboard editor can build today. */
export const EDITABLE_TYPES = ["announcement", "banner", "tour", "hint", "survey", "checklist", "resource_center"] as const;
export const ZEditableType = z.enum(EDITABLE_TYPES);
export type TEditableType = z.infer<typeof ZEditableType>;

export const ZExperienceStatus = z.enum(["draft", "live", "paused", "archived"]);
export type TExperienceStatus = z.infer<typeof ZExperienceStatus>;

/** At most half of the eligible end users can be held out, so that most still get the experience. */
export const HOLDOUT_MAX = 50;

/** A goal as the editor sends it; stored as content.ts's ZGoal. Messages depend on the kind. */
export const ZGoalInput = z
  .object({
    kind: z.enum(["event", "url"], { error: "Choose an event or a URL visit." }),
    value: z.string().trim().max(2000, "Use at most 2,000 characters."),
    match: z.enum(["exact", "prefix", "glob"], { error: "Choose how the URL matches." }).default("prefix"),
    withinDays: z.number({ error: "Enter a number of days." }).int("Use a whole number of days.").min(1, "Use 1 to 90 days.").max(90, "Use 1 to 90 days."),
  })
  .superRefine((g, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: "custom", path: ["value"], message });
    if (g.kind === "event") {
      // The SDK's herald.track takes names of at most 100 characters.
      if (!g.value) issue("Enter the event name your app tracks.");
      else if (g.value.length > 100) issue("An event name must be at most 100 characters.");
    } else if (!g.value) issue("Enter the URL or path to reach.");
    else if (!/^https?:\/\//i.test(g.value) && !g.value.startsWith("/")) issue("Use a path starting with / or an http(s) URL.");
  });
export type TGoalInput = z.infer<typeof ZGoalInput>;

export const ZExperienceInput = z
  .object({
    name: z.string().trim().min(1, "Give the experience a name.").max(120, "A name must be at most 120 characters."),
    typed: ZTypedContent.refine((t) => (EDITABLE_TYPES as readonly string[]).includes(t.type), "This type cannot be edited here."),
    trigger: ZTrigger,
    frequency: ZFrequency,
    priority: z.number().int("Use a whole number.").min(0, "Use 0 to 100.").max(100, "Use 0 to 100."),
    segmentId: z.uuid("Choose a segment.").nullable(),
    // Left out: unchanged on update.
    goal: ZGoalInput.nullable().optional(),
    holdoutPercent: z.number({ error: "Enter a share from 0 to 50." }).int("Use a whole number.").min(0, "Use 0 to 50.").max(HOLDOUT_MAX, `Hold out at most ${HOLDOUT_MAX}% of end users.`).optional(),
    translations: ZTranslationsInput.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.holdoutPercent && v.goal === null) {
      ctx.addIssue({ code: "custom", path: ["holdoutPercent"], message: "A hold-out needs a goal to compare against." });
    }
    for (const issue of v.translations ? checkTranslations(v.typed, v.translations).issues : []) {
      ctx.addIssue({ code: "custom", path: issue.path.split("."), message: issue.message });
    }
    if (v.trigger.match !== "any" && !v.trigger.url) {
      ctx.addIssue({ code: "custom", path: ["trigger", "url"], message: "Enter the URL or path to match." });
    }
  });
export type TExperienceInput = z.infer<typeof ZExperienceInput>;

/** A form field holding JSON, parsed then validated by `schema`; bounded so a huge post is refused early. */
export function jsonField<S extends z.ZodType>(schema: S, maxChars = 200_000) {
  return z
    .string()
    .max(maxChars, `The form is larger than ${maxChars} characters.`)
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "The form could not be read; reload the page." });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

/** A blank content of each type, the editor's starting point. */
export function blankContent(type: TEditableType): Record<string, unknown> {
  switch (type) {
    case "announcement":
      return { title: "", body: "", buttons: [{ label: "Got it", action: "dismiss" }] };
    case "banner":
      return { body: "", position: "top", dismissible: true, buttons: [] };
    case "tour":
      return { steps: [{ id: "step-1", selector: "", title: "", body: "", placement: "auto" }] };
    case "hint":
      return { selector: "", title: "", body: "", placement: "auto" };
    case "survey":
      return { title: "", questions: [{ id: "q1", type: "nps", prompt: "", required: true }], thankYou: "Thank you for your feedback!" };
    case "checklist":
      return { title: "", tasks: [{ id: "task-1", label: "", completeWhen: { kind: "click" } }], celebration: "All done — nice work!" };
    case "resource_center":
      return { title: "", launcher: { kind: "floating" }, sections: [], showChangelog: true, showChecklists: true, showTours: true };
  }
}
