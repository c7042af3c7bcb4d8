import "server-only";
import type { z } from "zod";
import type { Role } from "@/db/schema";
import { requireMember, type MemberContext } from "@/lib/workspaces/membership";
import type { ActionState } from "./action-state";
import { fieldErrors } from "./field-errors";

export { fieldErrors };

function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key);
    out[key] = key.endsWith("[]") ? all : all[0];
  }
  return out;
}

/**
 * The one wrapper for dashboard server actions: the form must carry `workspace` (the slug); the
 * member and role are checked on the server, then the rest of the form is parsed with `schema`.
 */
export function workspaceAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.infer<S>, ctx: MemberContext) => Promise<ActionState | void>,
  options: { roles?: readonly Role[] } = {},
) {
  return async (_prev: ActionState, form: FormData): Promise<ActionState> => {
    const slug = String(form.get("workspace") ?? "");
    const ctx = await requireMember(slug, options.roles);
    const parsed = schema.safeParse(formToObject(form));
    if (!parsed.success) return { error: "Please correct the highlighted fields.", fieldErrors: fieldErrors(parsed.error) };
    return (await handler(parsed.data, ctx)) ?? { ok: true };
  };
}
