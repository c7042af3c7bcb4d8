"use client";

import { Button } from "@/components/ui/button";
import { Select, TextArea, TextInput } from "@/components/dashboard/form-controls";

export type Content = Record<string, unknown>;
/** A tour or survey of this workspace that a checklist task can wait for or start. */
export type TRelated = { id: string; name: string; type: string };
export type EditorProps = { content: Content; onChange: (next: Content) => void; err: (path: string) => string | undefined; related?: TRelated[] };
type ButtonValue = { label: string; action: string; url?: string };

export const PLACEMENTS = ["auto", "top", "bottom", "left", "right"].map((p) => ({ value: p, label: p[0].toUpperCase() + p.slice(1) }));
const ACTIONS = [
  { value: "dismiss", label: "Dismiss" },
  { value: "complete", label: "Complete" },
  { value: "link", label: "Open a link" },
];
const str = (v: unknown) => (typeof v === "string" ? v : "");

function ButtonsFields({ content, onChange, err, max }: EditorProps & { max: number }) {
  const buttons = (content.buttons as ButtonValue[] | undefined) ?? [];
  const set = (next: ButtonValue[]) => onChange({ ...content, buttons: next });
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-700">Buttons</legend>
      {buttons.map((b, i) => (
        <div key={i} className="grid gap-2 rounded-md bg-slate-50 p-3 sm:grid-cols-[1fr_9rem_1fr_auto] sm:items-end">
          <TextInput id={`button-${i}-label`} label={`Button ${i + 1} label`} value={b.label} error={err(`buttons.${i}.label`)}
            onChange={(e) => set(buttons.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))} />
          <Select id={`button-${i}-action`} label="Action" value={b.action} options={ACTIONS}
            onChange={(e) => set(buttons.map((x, j) => (j === i ? { ...x, action: e.target.value, url: e.target.value === "link" ? x.url ?? "" : undefined } : x)))} />
          {b.action === "link" ? (
            <TextInput id={`button-${i}-url`} label="Link URL" value={b.url ?? ""} error={err(`buttons.${i}.url`)}
              onChange={(e) => set(buttons.map((x, j) => (j === i ? { ...x, url: e.target.value } : x)))} />
          ) : <span />}
          <Button type="button" variant="ghost" onClick={() => set(buttons.filter((_, j) => j !== i))}>Remove</Button>
        </div>
      ))}
      {buttons.length < max ? (
        <Button type="button" variant="secondary" onClick={() => set([...buttons, { label: "", action: "dismiss" }])}>Add button</Button>
      ) : null}
    </fieldset>
  );
}

export function AnnouncementFields(props: EditorProps) {
  const { content, onChange, err } = props;
  return (
    <div className="space-y-4">
      <TextInput id="content-title" label="Title" value={str(content.title)} error={err("title")} onChange={(e) => onChange({ ...content, title: e.target.value })} />
      <TextArea id="content-body" label="Body (Markdown)" value={str(content.body)} error={err("body")} onChange={(e) => onChange({ ...content, body: e.target.value })} />
      <ButtonsFields {...props} max={3} />
    </div>
  );
}

export function BannerFields(props: EditorProps) {
  const { content, onChange, err } = props;
  return (
    <div className="space-y-4">
      <TextArea id="content-body" label="Banner text" rows={2} value={str(content.body)} error={err("body")} onChange={(e) => onChange({ ...content, body: e.target.value })} />
      <Select id="content-position" label="Position" value={str(content.position) || "top"}
        options={[{ value: "top", label: "Top of the page" }, { value: "bottom", label: "Bottom of the page" }]}
        onChange={(e) => onChange({ ...content, position: e.target.value })} />
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={content.dismissible !== false} onChange={(e) => onChange({ ...content, dismissible: e.target.checked })} />
        End users can close it
      </label>
      <ButtonsFields {...props} max={2} />
    </div>
  );
}

export function HintFields({ content, onChange, err }: EditorProps) {
  return (
    <div className="space-y-4">
      <TextInput id="content-selector" label="Element (CSS selector)" hint="The element the hint points at, like #export-button." value={str(content.selector)} error={err("selector")}
        onChange={(e) => onChange({ ...content, selector: e.target.value })} />
      <TextInput id="content-title" label="Title (optional)" value={str(content.title)} error={err("title")} onChange={(e) => onChange({ ...content, title: e.target.value })} />
      <TextArea id="content-body" label="Hint text" rows={3} value={str(content.body)} error={err("body")} onChange={(e) => onChange({ ...content, body: e.target.value })} />
      <Select id="content-placement" label="Placement" value={str(content.placement) || "auto"} options={PLACEMENTS} onChange={(e) => onChange({ ...content, placement: e.target.value })} />
    </div>
  );
}
