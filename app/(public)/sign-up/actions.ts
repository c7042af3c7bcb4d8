"use server";

import { signIn } from "@/lib/auth/auth";
import { ZSignUp } from "@/lib/auth/schemas";
import { signUpAdmin } from "@/lib/auth/users";
import { fieldErrors } from "@/lib/http/workspace-action";
import type { ActionState } from "@/lib/http/action-state";

export async function signUp(_prev: ActionState, form: FormData): Promise<ActionState> {
  const parsed = ZSignUp.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error) };
  const result = await signUpAdmin(parsed.data);
  if (!result.ok) return { fieldErrors: { [result.field]: result.error } };
  const invite = String(form.get("invite") ?? "");
  await signIn("credentials", {
    email: parsed.data.email,
    password: parsed.data.password,
    redirectTo: /^[A-Za-z0-9_-]{20,100}$/.test(invite) ? `/invite/${invite}` : `/w/${result.workspaceSlug}/experiences`,
  });
  return {};
}
