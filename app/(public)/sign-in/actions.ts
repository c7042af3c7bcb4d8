"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { ZEmail, ZSignIn, safeCallbackUrl } from "@/lib/auth/schemas";
import { checkCredentials } from "@/lib/auth/users";
import { fieldErrors } from "@/lib/http/workspace-action";
import type { ActionState } from "@/lib/http/action-state";

export async function signInWithPassword(_prev: ActionState, form: FormData): Promise<ActionState> {
  const parsed = ZSignIn.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error) };
  const check = await checkCredentials(parsed.data.email, parsed.data.password);
  if (!check.ok) return { fieldErrors: { [check.field]: check.error } };
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackUrl(parsed.data.callbackUrl),
    });
  } catch (error) {
    if (error instanceof AuthError) return { error: "Sign-in failed. Please try again." };
    throw error; // the redirect on success
  }
  return {};
}

export async function signInWithEmailLink(_prev: ActionState, form: FormData): Promise<ActionState> {
  const email = ZEmail.safeParse(form.get("email"));
  if (!email.success) return { fieldErrors: { linkEmail: email.error.issues[0].message } };
  const redirectTo = safeCallbackUrl(String(form.get("callbackUrl") ?? ""));
  try {
    await signIn("nodemailer", { email: email.data, redirectTo, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) return { error: "We could not send the sign-in email. Try again later." };
    throw error;
  }
  redirect("/sign-in/check-email");
}

export async function signInWithProvider(form: FormData): Promise<void> {
  const provider = String(form.get("provider"));
  if (provider !== "github" && provider !== "google") return;
  await signIn(provider, { redirectTo: safeCallbackUrl(String(form.get("callbackUrl") ?? "")) });
}
