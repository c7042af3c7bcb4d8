"use client";

import { ActionForm } from "@/components/dashboard/action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionState } from "@/lib/http/action-state";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

export function GeneralForm({ action, workspace, name, canEdit }: { action: Action; workspace: string; name: string; canEdit: boolean }) {
  return (
    <ActionForm action={action} workspace={workspace}>
      {(state, pending) => (
        <fieldset disabled={!canEdit} className="space-y-4">
          <legend className="sr-only">Workspace name and address</legend>
          <Field label="Workspace name" name="name" defaultValue={name} error={state.fieldErrors?.name} />
          <Field label="Address" name="slug" defaultValue={workspace} error={state.fieldErrors?.slug} hint="Dashboard URLs are /w/<address>/…; old links stop working when it changes." />
          {canEdit ? <Button type="submit" disabled={pending}>Save</Button> : null}
        </fieldset>
      )}
    </ActionForm>
  );
}

export function LocaleForm({ action, workspace, defaultLocale, canEdit }: { action: Action; workspace: string; defaultLocale: string; canEdit: boolean }) {
  return (
    <ActionForm action={action} workspace={workspace}>
      {(state, pending) => (
        <fieldset disabled={!canEdit} className="space-y-4">
          <legend className="sr-only">Default language</legend>
          <Field label="Default language" name="defaultLocale" defaultValue={defaultLocale} maxLength={20} error={state.fieldErrors?.defaultLocale}
            hint="A code like en, fr or pt-BR: the language your experiences and posts are written in. End users asking for another language without a translation get this one." />
          {canEdit ? <Button type="submit" disabled={pending}>Set default language</Button> : null}
        </fieldset>
      )}
    </ActionForm>
  );
}

const COLOURS = [
  { name: "primaryColor", label: "Primary colour (buttons, links)" },
  { name: "textColor", label: "Text colour" },
  { name: "backgroundColor", label: "Background colour" },
] as const;

export function ThemeForm({ action, workspace, theme, canEdit }: { action: Action; workspace: string; theme: Record<(typeof COLOURS)[number]["name"], string>; canEdit: boolean }) {
  return (
    <ActionForm action={action} workspace={workspace}>
      {(state, pending) => (
        <fieldset disabled={!canEdit} className="space-y-4">
          <legend className="sr-only">SDK theme</legend>
          {COLOURS.map((c) => (
            <div key={c.name} className="flex items-end gap-3">
              <div className="flex-1">
                <Field label={c.label} name={c.name} defaultValue={theme[c.name]} error={state.fieldErrors?.[c.name]} hint="Hex, like #4f46e5" />
              </div>
              <span aria-hidden="true" className="mb-1 h-9 w-9 rounded-md ring-1 ring-slate-300" style={{ background: theme[c.name] }} />
            </div>
          ))}
          {canEdit ? <Button type="submit" disabled={pending}>Save theme</Button> : null}
        </fieldset>
      )}
    </ActionForm>
  );
}

export function LimitsForm({ action, workspace, limits, canEdit }: { action: Action; workspace: string; limits: { maxPerSession: number; maxPerDay: number }; canEdit: boolean }) {
  return (
    <ActionForm action={action} workspace={workspace}>
      {(state, pending) => (
        <fieldset disabled={!canEdit} className="space-y-4">
          <legend className="sr-only">How often end users see experiences</legend>
          <Field label="At most per session" name="maxPerSession" type="number" defaultValue={String(limits.maxPerSession)} error={state.fieldErrors?.maxPerSession} hint="New experiences one end user sees in one browser session (1–50)" />
          <Field label="At most per day" name="maxPerDay" type="number" defaultValue={String(limits.maxPerDay)} error={state.fieldErrors?.maxPerDay} hint="New experiences one end user sees in a day (1–100)" />
          {canEdit ? <Button type="submit" disabled={pending}>Save limits</Button> : null}
        </fieldset>
      )}
    </ActionForm>
  );
}

export function IdentityToggle({ action, workspace, enabled }: { action: Action; workspace: string; enabled: boolean }) {
  return (
    <ActionForm
      action={action}
      workspace={workspace}
      confirm={enabled ? undefined : "Turn identity verification on? identify calls without a valid user hash will be refused."}
    >
      {(_state, pending) => (
        <>
          <input type="hidden" name="enabled" value={enabled ? "off" : "on"} />
          <Button type="submit" variant={enabled ? "secondary" : "primary"} disabled={pending}>{enabled ? "Turn off" : "Turn on"}</Button>
        </>
      )}
    </ActionForm>
  );
}

export function RotateSecretForm({ action, workspace }: { action: Action; workspace: string }) {
  return (
    <ActionForm action={action} workspace={workspace} confirm="Rotate the secret? Your server must switch to the new one; hashes made with the old one stop working.">
      {(_state, pending) => <Button type="submit" variant="danger" disabled={pending}>Rotate secret</Button>}
    </ActionForm>
  );
}
