"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/card";
import { initialActionState, type ActionState } from "@/lib/http/action-state";

export function SignUpForm({ action, invite }: { action: (p: ActionState, f: FormData) => Promise<ActionState>; invite?: string }) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="invite" value={invite ?? ""} />
      <Field label="Your name" name="name" autoComplete="name" required error={e.name} />
      <Field label="Work email" name="email" type="email" autoComplete="email" required error={e.email} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required hint="At least 10 characters." error={e.password} />
      <Field label="Workspace name" name="workspaceName" required hint="Usually your company or product." error={e.workspaceName} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create account and workspace"}
      </Button>
    </form>
  );
}
