// What the dashboard editor sends for an experience: validated here once, by the same content
// schemas the API and the SDK use (content.ts). Pure, so the editor can import the types.
import { z } from "zod";
import { ZFrequency, ZTrigger, ZTypedContent } from "./content";

/** Types the dashboard editor can build today. */
export const EDITABLE_TYPES = ["announcement", "banner", "tour", "hint", "survey"] as const;
export const ZEditableType = z.enum(EDITABLE_TYPES);
export type TEditableType = z.infer<typeof ZEditableType>;

export const ZExperienceStatus = z.enum(["draft", "live", "paused", "archived"]);
export type TExperienceStatus = z.infer<typeof ZExperienceStatus>;

export const ZExperienceInput = z
  .object({
    name: z.string().trim().min(1, "Give the experience a name.").max(120, "A name must be at most 120 characters."),
    typed: ZTypedContent.refine((t) => (EDITABLE_TYPES as readonly string[]).includes(t.type), "This type cannot be edited here."),
    trigger: ZTrigger,
    frequency: ZFrequency,
    priority: z.number().int("Use a whole number.").min(0, "Use 0 to 100.").max(100, "Use 0 to 100."),
    segmentId: z.uuid("Choose a segment.").nullable(),
  })
  .superRefine((v, ctx) => {
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
  }
}
