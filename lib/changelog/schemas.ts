// zod schemas of the changelog: the editor's post input, translations, reactions. Pure (no server
// imports) so that client components can share the constants.
import { z } from "zod";
import { slugify } from "@/lib/workspaces/slug";

export const POST_STATUSES = ["draft", "scheduled", "published"] as const;
export const ZPostStatus = z.enum(POST_STATUSES, { error: "Choose draft, scheduled or published." });
export type TPostStatus = z.infer<typeof ZPostStatus>;

/** The fixed set of reactions readers can leave on a post. */
export const REACTIONS = ["👍", "❤️", "🎉", "🤔"] as const;
export const ZReaction = z.enum(REACTIONS, { error: `Reaction must be one of ${REACTIONS.join(" ")}.` });
export type TReaction = z.infer<typeof ZReaction>;

export const POST_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;
export const ZLocale = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, "Use a locale like fr or pt-BR.");

export const ZTranslation = z
  .object({
    title: z.string().trim().max(160, "Use at most 160 characters for a translated title.").optional(),
    body: z.string().max(50_000, "A translated body can have at most 50,000 characters.").optional(),
  })
  .strict();
export const ZTranslations = z
  .record(ZLocale, ZTranslation)
  .refine((t) => Object.keys(t).length <= 20, "At most 20 translations per post.");
export type TTranslations = z.infer<typeof ZTranslations>;

/** "2026-05-01T09:30" (a datetime-local value, read as UTC), a full ISO string, a Date, or empty. */
const ZPublishedAt = z
  .union([z.date(), z.string().trim().max(40)])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === "") return null;
    if (v instanceof Date) return v;
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v) ? `${v}Z` : v;
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: "Enter a valid date and time." });
      return z.NEVER;
    }
    return date;
  });

/** Translations arrive from the editor form as a JSON string, and from code as an object. */
const ZTranslationsField = z
  .union([ZTranslations, z.string().max(200_000)])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === "") return {};
    if (typeof v !== "string") return v;
    let raw: unknown;
    try {
      raw = JSON.parse(v);
    } catch {
      ctx.addIssue({ code: "custom", message: 'Translations must be JSON like {"fr": {"title": "…", "body": "…"}}.' });
      return z.NEVER;
    }
    const parsed = ZTranslations.safeParse(raw);
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", message: parsed.error.issues[0]?.message ?? "Invalid translations." });
      return z.NEVER;
    }
    return parsed.data;
  });

export const ZPostInput = z
  .object({
    title: z.string({ error: "Give the post a title." }).trim().min(1, "Give the post a title.").max(160, "Use at most 160 characters for the title."),
    // Empty → generated from the title.
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .max(80, "Use at most 80 characters for the slug.")
      .refine((s) => s === "" || POST_SLUG_PATTERN.test(s), "Use lowercase letters, digits and dashes, like dark-mode.")
      .optional(),
    body: z.string().max(50_000, "The body can have at most 50,000 characters.").default(""),
    category: z.string({ error: "Choose a category." }).trim().min(1, "Choose a category.").max(40),
    status: ZPostStatus,
    publishedAt: ZPublishedAt,
    coverUploadId: z
      .union([z.uuid("Upload the cover image again."), z.literal("")])
      .optional()
      .transform((v) => v || null),
    translations: ZTranslationsField,
  })
  .superRefine((p, ctx) => {
    if (p.status === "scheduled" && !p.publishedAt) {
      ctx.addIssue({ code: "custom", path: ["publishedAt"], message: "Choose when the post goes live." });
    }
  });
export type TPostInput = z.input<typeof ZPostInput>;
export type TPostData = z.output<typeof ZPostInput>;

/** "Shipping dark mode!" → "shipping-dark-mode"; always a valid, non-empty post slug. */
export function postSlugify(title: string): string {
  return slugify(title, { maxLength: 72, fallback: "post" });
}
