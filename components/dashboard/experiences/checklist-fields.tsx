"use client";

import { Button } from "@/components/ui/button";
import { FieldError, Select, TextInput } from "@/components/dashboard/form-controls";
import { URL_MATCHES } from "./goal-fields";
import { ItemControls, move, nextId } from "./list-fields";
import type { EditorProps, TRelated } from "./simple-fields";

type Completion = { kind: "event"; name: string } | { kind: "experience_completed"; experienceId: string } | { kind: "url"; match: string; url: string } | { kind: "click" };
type Action = { kind: "start_tour"; experienceId: string } | { kind: "link"; url: string };
type Task = { id: string; label: string; description?: string; completeWhen: Completion; action?: Action };

const KINDS = [
  { value: "click", label: "They click the task" },
  { value: "event", label: "A tracked event arrives (herald.track)" },
  { value: "experience_completed", label: "They complete a tour or survey" },
  { value: "url", label: "They visit a page" },
];
const ACTIONS = [
  { value: "", label: "Nothing" },
  { value: "start_tour", label: "Start a tour" },
  { value: "link", label: "Open a link" },
];
const str = (v: unknown) => (typeof v === "string" ? v : "");

function blankCompletion(kind: string): Completion {
  if (kind === "event") return { kind, name: "" };
  if (kind === "experience_completed") return { kind, experienceId: "" };
  if (kind === "url") return { kind, match: "prefix", url: "" };
  return { kind: "click" };
}

function blankAction(kind: string): Action | undefined {
  if (kind === "start_tour") return { kind, experienceId: "" };
  if (kind === "link") return { kind, url: "" };
  return undefined;
}

/** A select of this workspace's tours (and surveys), with an empty first choice so that nothing is picked silently. */
function experienceOptions(related: TRelated[], types: string[]) {
  const list = related.filter((r) => types.includes(r.type));
  return [{ value: "", label: list.length ? "Choose…" : "None yet: create one first" }, ...list.map((r) => ({ value: r.id, label: `${r.name} (${r.type})` }))];
}

function TaskFields({ task, i, patch, err, related }: { task: Task; i: number; patch: (p: Partial<Task>) => void; err: EditorProps["err"]; related: TRelated[] }) {
  const c = task.completeWhen;
  const a = task.action;
  const at = (p: string) => err(`tasks.${i}.${p}`);
  return (
    <>
      <TextInput id={`task-${i}-label`} label={`Task ${i + 1}`} value={task.label} error={at("label")} onChange={(e) => patch({ label: e.target.value })} />
      <TextInput id={`task-${i}-description`} label={`Task ${i + 1} description (optional)`} value={task.description ?? ""} error={at("description")}
        onChange={(e) => patch({ description: e.target.value || undefined })} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Select id={`task-${i}-kind`} label="Done when" value={c.kind} options={KINDS} onChange={(e) => patch({ completeWhen: blankCompletion(e.target.value) })} />
        {c.kind === "event" ? (
          <TextInput id={`task-${i}-event`} label="Event name" placeholder="exported-report" value={c.name} error={at("completeWhen.name")}
            onChange={(e) => patch({ completeWhen: { ...c, name: e.target.value } })} />
        ) : null}
        {c.kind === "experience_completed" ? (
          <Select id={`task-${i}-experience`} label="Tour or survey" value={c.experienceId} error={at("completeWhen.experienceId")} options={experienceOptions(related, ["tour", "survey"])}
            onChange={(e) => patch({ completeWhen: { ...c, experienceId: e.target.value } })} />
        ) : null}
        {c.kind === "url" ? (
          <Select id={`task-${i}-match`} label="Page" value={c.match} options={URL_MATCHES} onChange={(e) => patch({ completeWhen: { ...c, match: e.target.value } })} />
        ) : null}
      </div>
      {c.kind === "url" ? (
        <TextInput id={`task-${i}-url`} label="URL or path" placeholder="/settings" hint="Matched in the end user's browser; the address is never sent to Herald." value={c.url} error={at("completeWhen.url")}
          onChange={(e) => patch({ completeWhen: { ...c, url: e.target.value } })} />
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Select id={`task-${i}-action`} label="Clicking the task" value={a?.kind ?? ""} options={ACTIONS} onChange={(e) => patch({ action: blankAction(e.target.value) })} />
        {a?.kind === "start_tour" ? (
          <Select id={`task-${i}-tour`} label="Tour to start" value={a.experienceId} error={at("action.experienceId")} options={experienceOptions(related, ["tour"])}
            onChange={(e) => patch({ action: { ...a, experienceId: e.target.value } })} />
        ) : null}
        {a?.kind === "link" ? (
          <TextInput id={`task-${i}-link`} label="Link URL" placeholder="/settings" value={a.url} error={at("action.url")} onChange={(e) => patch({ action: { ...a, url: e.target.value } })} />
        ) : null}
      </div>
    </>
  );
}

export function ChecklistFields({ content, onChange, err, related = [] }: EditorProps) {
  const tasks = (content.tasks as Task[] | undefined) ?? [];
  const set = (next: Task[]) => onChange({ ...content, tasks: next });
  const patch = (i: number, p: Partial<Task>) => set(tasks.map((t, j) => (j === i ? { ...t, ...p } : t)));
  return (
    <div className="space-y-4">
      <TextInput id="content-title" label="Title" value={str(content.title)} error={err("title")} onChange={(e) => onChange({ ...content, title: e.target.value })} />
      <FieldError message={err("tasks")} />
      {tasks.map((t, i) => (
        <fieldset key={t.id} className="space-y-3 rounded-md bg-slate-50 p-4">
          <div className="flex items-center justify-between">
            <legend className="text-sm font-semibold text-slate-800">Task {i + 1}</legend>
            <ItemControls label={`Task ${i + 1}`} index={i} count={tasks.length} onMove={(to) => set(move(tasks, i, to))} onRemove={() => set(tasks.filter((_, j) => j !== i))} />
          </div>
          <TaskFields task={t} i={i} patch={(p) => patch(i, p)} err={err} related={related} />
        </fieldset>
      ))}
      {tasks.length < 20 ? (
        <Button type="button" variant="secondary" onClick={() => set([...tasks, { id: nextId("task-", tasks.map((t) => t.id)), label: "", completeWhen: { kind: "click" } }])}>
          Add task
        </Button>
      ) : null}
      <TextInput id="content-celebration" label="Message when every task is done" value={str(content.celebration)} error={err("celebration")}
        onChange={(e) => onChange({ ...content, celebration: e.target.value })} />
    </div>
  );
}
