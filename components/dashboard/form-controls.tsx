import type { ComponentProps, ReactNode } from "react";
import { inputClass } from "@/components/ui/field";

/** Label, control and error message, wired for screen readers (the control gets id/aria props). */
function Wrap({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      {children}
      {hint && !error ? <p id={`${id}-hint`} className="text-xs text-slate-500">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="text-sm text-red-600">{error}</p> : null}
    </div>
  );
}

const aria = (id: string, error?: string, hint?: string) => ({
  id,
  "aria-invalid": error ? true : undefined,
  "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
});

export function TextArea({ id, label, error, hint, ...props }: ComponentProps<"textarea"> & { id: string; label: string; error?: string; hint?: string }) {
  return (
    <Wrap id={id} label={label} error={error} hint={hint}>
      <textarea rows={4} className={inputClass} {...aria(id, error, hint)} {...props} />
    </Wrap>
  );
}

export function Select({ id, label, error, hint, options, ...props }: ComponentProps<"select"> & { id: string; label: string; error?: string; hint?: string; options: readonly { value: string; label: string }[] }) {
  return (
    <Wrap id={id} label={label} error={error} hint={hint}>
      <select className={inputClass} {...aria(id, error, hint)} {...props}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Wrap>
  );
}

export function TextInput({ id, label, error, hint, ...props }: ComponentProps<"input"> & { id: string; label: string; error?: string; hint?: string }) {
  return (
    <Wrap id={id} label={label} error={error} hint={hint}>
      <input className={inputClass} {...aria(id, error, hint)} {...props} />
    </Wrap>
  );
}

export function FieldError({ message }: { message?: string }) {
  return message ? <p role="alert" className="text-sm text-red-600">{message}</p> : null;
}
