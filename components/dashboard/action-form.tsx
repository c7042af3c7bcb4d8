"use client";

import { useActionState, type ReactNode } from "react";
import { Alert } from "@/components/ui/card";
import { initialActionState, type ActionState } from "@/lib/http/action-state";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/**
 * A form bound to a workspace server action: carries the workspace slug, shows the action's
 * message or error, and hands field errors to its children.
 */
export function ActionForm({
  action,
  workspace,
  children,
  className = "space-y-4",
  confirm,
}: {
  action: Action;
  workspace: string;
  children: (state: ActionState, pending: boolean) => ReactNode;
  className?: string;
  confirm?: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form
      action={formAction}
      className={className}
      noValidate
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      <input type="hidden" name="workspace" value={workspace} />
      {state.error ? <Alert>{state.error}</Alert> : null}
      {state.message ? <Alert tone="success">{state.message}</Alert> : null}
      {children(state, pending)}
    </form>
  );
}
