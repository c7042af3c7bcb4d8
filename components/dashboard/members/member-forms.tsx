"use client";

import { ActionForm } from "@/components/dashboard/action-form";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import type { ActionState } from "@/lib/http/action-state";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

export function InviteForm({ action, workspace }: { action: Action; workspace: string }) {
  return (
    <ActionForm action={action} workspace={workspace}>
      {(state, pending) => (
        <div className="grid gap-4 sm:grid-cols-[1fr_10rem_auto] sm:items-end">
          <Field label="Email" name="email" type="email" required error={state.fieldErrors?.email} />
          <div className="space-y-1">
            <label htmlFor="invite-role" className="block text-sm font-medium text-slate-700">Role</label>
            <select id="invite-role" name="role" defaultValue="member" className={inputClass}>
              <option value="member">Member</option>
              <option value="admin">Admin</option>
            </select>
          </div>
          <Button type="submit" disabled={pending}>{pending ? "Inviting…" : "Invite"}</Button>
        </div>
      )}
    </ActionForm>
  );
}

export function RowActionForm({ action, workspace, name, value, label, confirm }: { action: Action; workspace: string; name: string; value: string; label: string; confirm: string }) {
  return (
    <ActionForm action={action} workspace={workspace} className="flex flex-col items-end gap-2" confirm={confirm}>
      {(_state, pending) => (
        <>
          <input type="hidden" name={name} value={value} />
          <Button type="submit" variant="ghost" disabled={pending} className="text-red-700">{label}</Button>
        </>
      )}
    </ActionForm>
  );
}
