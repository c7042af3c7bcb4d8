import { z } from "zod";

export const ZEmail = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like jane@example.com." }));

// Length beats composition rules (NIST 800-63B); the upper bound keeps hashing cheap to attack-proof.
export const ZNewPassword = z
  .string({ error: "Choose a password." })
  .min(10, "Use at least 10 characters for your password.")
  .max(200, "Use at most 200 characters for your password.")
  .refine((p) => new Set(p).size >= 5, "That password is too easy to guess: use more different characters.");

export const ZSignIn = z.object({
  email: ZEmail,
  password: z.string().min(1, "Enter your password.").max(200, "That password is too long."),
  callbackUrl: z.string().max(2000).optional(),
});

export const ZWorkspaceName = z
  .string()
  .trim()
  .min(2, "Name your workspace (at least 2 characters).")
  .max(80, "Use at most 80 characters for the workspace name.");

export const ZSignUp = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters for your name."),
  email: ZEmail,
  password: ZNewPassword,
  workspaceName: ZWorkspaceName,
});

export type TSignUp = z.infer<typeof ZSignUp>;

/** Only same-site relative paths are followed after sign-in (no open redirect). */
export function safeCallbackUrl(url: string | undefined | null, fallback = "/dashboard"): string {
  if (!url || !url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) return fallback;
  return url;
}
