"use client";

import { Button } from "@/components/ui/button";
import { FieldError, Select, TextInput } from "@/components/dashboard/form-controls";
import { ItemControls, move } from "./list-fields";
import type { EditorProps } from "./simple-fields";

type Link = { label: string; url: string; description?: string };
type Section = { title: string; links: Link[] };
type Launcher = { kind: "floating" } | { kind: "element"; selector: string };

const TOGGLES = [
  { key: "showChangelog", label: "Show the changelog's latest posts" },
  { key: "showChecklists", label: "Show the end user's active checklists" },
  { key: "showTours", label: "List the tours they can take again" },
] as const;

function LinksFields({ section, s, setLinks, err }: { section: Section; s: number; setLinks: (links: Link[]) => void; err: EditorProps["err"] }) {
  const links = section.links ?? [];
  const patch = (i: number, p: Partial<Link>) => setLinks(links.map((l, j) => (j === i ? { ...l, ...p } : l)));
  return (
    <div className="space-y-3">
      {links.map((l, i) => (
        <div key={i} className="grid gap-2 rounded-md bg-white p-3 ring-1 ring-slate-200 sm:grid-cols-2">
          <TextInput id={`section-${s}-link-${i}-label`} label={`Link ${i + 1} label`} value={l.label} error={err(`sections.${s}.links.${i}.label`)} onChange={(e) => patch(i, { label: e.target.value })} />
          <TextInput id={`section-${s}-link-${i}-url`} label={`Link ${i + 1} URL`} placeholder="https://docs.example.com" value={l.url} error={err(`sections.${s}.links.${i}.url`)} onChange={(e) => patch(i, { url: e.target.value })} />
          <TextInput id={`section-${s}-link-${i}-description`} label={`Link ${i + 1} description (optional, searched too)`} value={l.description ?? ""} error={err(`sections.${s}.links.${i}.description`)}
            onChange={(e) => patch(i, { description: e.target.value || undefined })} />
          <div className="flex items-end justify-end">
            <Button type="button" variant="ghost" onClick={() => setLinks(links.filter((_, j) => j !== i))}>Remove link {i + 1}</Button>
          </div>
        </div>
      ))}
      {links.length < 30 ? (
        <Button type="button" variant="secondary" onClick={() => setLinks([...links, { label: "", url: "" }])}>Add link to section {s + 1}</Button>
      ) : null}
    </div>
  );
}

export function ResourceCenterFields({ content, onChange, err }: EditorProps) {
  const sections = (content.sections as Section[] | undefined) ?? [];
  const launcher = (content.launcher as Launcher | undefined) ?? { kind: "floating" };
  const set = (next: Section[]) => onChange({ ...content, sections: next });
  const patch = (i: number, p: Partial<Section>) => set(sections.map((x, j) => (j === i ? { ...x, ...p } : x)));
  return (
    <div className="space-y-4">
      <TextInput id="content-title" label="Title (the launcher's label too)" value={typeof content.title === "string" ? content.title : ""} error={err("title")}
        onChange={(e) => onChange({ ...content, title: e.target.value })} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Select id="content-launcher" label="Opened from" value={launcher.kind}
          options={[{ value: "floating", label: "A floating button" }, { value: "element", label: "An element of your page" }]}
          onChange={(e) => onChange({ ...content, launcher: e.target.value === "element" ? { kind: "element", selector: "" } : { kind: "floating" } })} />
        {launcher.kind === "element" ? (
          <TextInput id="content-launcher-selector" label="Element (CSS selector)" placeholder="#help-button" value={launcher.selector} error={err("launcher.selector")}
            onChange={(e) => onChange({ ...content, launcher: { kind: "element", selector: e.target.value } })} />
        ) : null}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Contents</legend>
        {TOGGLES.map((t) => (
          <label key={t.key} className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" checked={content[t.key] !== false} onChange={(e) => onChange({ ...content, [t.key]: e.target.checked })} />
            {t.label}
          </label>
        ))}
      </fieldset>
      <FieldError message={err("sections")} />
      {sections.map((section, i) => (
        <fieldset key={i} className="space-y-3 rounded-md bg-slate-50 p-4">
          <div className="flex items-center justify-between">
            <legend className="text-sm font-semibold text-slate-800">Help section {i + 1}</legend>
            <ItemControls label={`Section ${i + 1}`} index={i} count={sections.length} min={0} onMove={(to) => set(move(sections, i, to))} onRemove={() => set(sections.filter((_, j) => j !== i))} />
          </div>
          <TextInput id={`section-${i}-title`} label={`Section ${i + 1} title`} value={section.title} error={err(`sections.${i}.title`)} onChange={(e) => patch(i, { title: e.target.value })} />
          <LinksFields section={section} s={i} setLinks={(links) => patch(i, { links })} err={err} />
        </fieldset>
      ))}
      {sections.length < 10 ? (
        <Button type="button" variant="secondary" onClick={() => set([...sections, { title: "", links: [{ label: "", url: "" }] }])}>Add help section</Button>
      ) : null}
    </div>
  );
}
