// A workspace's settings (stored in workspaces.settings jsonb). Pure, shared by the dashboard, the SDK
// API (theme, caps, locale) and the changelog portal (branding). Missing keys take their defaults.
import { z } from "zod";

const ZColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a hex colour like #4f46e5.");

// Coerced, so that the settings form's strings validate with the same rule as stored numbers.
const cap = (max: number, fallback: number) =>
  z.coerce.number({ error: "Enter a number." }).int("Use a whole number.").min(1, "Use at least 1.").max(max, `Use at most ${max}.`).default(fallback);
const ZLimits = z.object({ maxPerSession: cap(50, 3), maxPerDay: cap(100, 5) });

export const ZWorkspaceSettings = z.object({
  theme: z
    .object({
      primaryColor: ZColor.default("#4f46e5"),
      textColor: ZColor.default("#0f172a"),
      backgroundColor: ZColor.default("#ffffff"),
    })
    .prefault({}),
  // So that end users are never flooded: at most this many experiences shown per session / per day.
  limits: ZLimits.prefault({}),
  defaultLocale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/).default("en"),
  portal: z
    .object({
      logoUrl: z.string().max(2000).optional(),
      accentColor: ZColor.default("#4f46e5"),
      noindex: z.boolean().default(false),
      categories: z.array(z.string().trim().min(1).max(40)).max(20).default(["New", "Improved", "Fixed"]),
    })
    .prefault({}),
});

export type TWorkspaceSettings = z.infer<typeof ZWorkspaceSettings>;

/** Reads stored settings leniently: anything malformed falls back to the defaults. */
export function readSettings(raw: unknown): TWorkspaceSettings {
  const parsed = ZWorkspaceSettings.safeParse(raw ?? {});
  return parsed.success ? parsed.data : ZWorkspaceSettings.parse({});
}
