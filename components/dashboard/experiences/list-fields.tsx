"use client";

import { Button } from "@/components/ui/button";
import { FieldError, Select, TextArea, TextInput } from "@/components/dashboard/form-controls";
import { PLACEMENTS, type EditorProps } from "./simple-fields";

type Step = { id: string; selector: string; title: string; body: string; placement: string };
type Question = { id: string; type: string; prompt: string; required: boolean; options?: string[]; scale?: number; placeholder?: string };

/** A new id that no sibling uses yet ("step-3", "q4"). */
export function nextId(prefix: string, taken: string[]): string {
  for (let i = taken.length + 1; ; i++) if (!taken.includes(`${prefix}${i}`)) return `${prefix}${i}`;
}

export function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

export function ItemControls({ label, index, count, onMove, onRemove, min = 1 }: { label: string; index: number; count: number; onMove: (to: number) => void; onRemove: () => void; min?: number }) {
  return (
    <div className="flex gap-1">
      <Button type="button" variant="ghost" disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={`Move ${label} up`}>↑</Button>
      <Button type="button" variant="ghost" disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={`Move ${label} down`}>↓</Button>
      <Button type="button" variant="ghost" disabled={count <= min} onClick={onRemove}>Remove {label.toLowerCase()}</Button>
    </div>
  );
}

export function TourFields({ content, onChange, err }: EditorProps) {
  const steps = (content.steps as Step[] | undefined) ?? [];
  const set = (next: Step[]) => onChange({ ...content, steps: next });
  const patch = (i: number, p: Partial<Step>) => set(steps.map((s, j) => (j === i ? { ...s, ...p } : s)));
  return (
    <div className="space-y-4">
      <TextInput id="content-title" label="Tour title (optional)" hint="How end users find it in the resource center; else its first step's title." value={typeof content.title === "string" ? content.title : ""}
        error={err("title")} onChange={(e) => onChange({ ...content, title: e.target.value || undefined })} />
      <FieldError message={err("steps")} />
      {steps.map((s, i) => (
        <fieldset key={s.id} className="space-y-3 rounded-md bg-slate-50 p-4">
          <div className="flex items-center justify-between">
            <legend className="text-sm font-semibold text-slate-800">Step {i + 1}</legend>
            <ItemControls label={`Step ${i + 1}`} index={i} count={steps.length} onMove={(to) => set(move(steps, i, to))} onRemove={() => set(steps.filter((_, j) => j !== i))} />
          </div>
          <TextInput id={`step-${i}-selector`} label={`Step ${i + 1} element (CSS selector)`} value={s.selector} error={err(`steps.${i}.selector`)} onChange={(e) => patch(i, { selector: e.target.value })} />
          <TextInput id={`step-${i}-title`} label={`Step ${i + 1} title`} value={s.title} error={err(`steps.${i}.title`)} onChange={(e) => patch(i, { title: e.target.value })} />
          <TextArea id={`step-${i}-body`} label={`Step ${i + 1} text (Markdown)`} rows={3} value={s.body} error={err(`steps.${i}.body`)} onChange={(e) => patch(i, { body: e.target.value })} />
          <Select id={`step-${i}-placement`} label="Placement" value={s.placement} options={PLACEMENTS} onChange={(e) => patch(i, { placement: e.target.value })} />
        </fieldset>
      ))}
      {steps.length < 20 ? (
        <Button type="button" variant="secondary" onClick={() => set([...steps, { id: nextId("step-", steps.map((s) => s.id)), selector: "", title: "", body: "", placement: "auto" }])}>
          Add step
        </Button>
      ) : null}
    </div>
  );
}

const QUESTION_TYPES = [
  { value: "nps", label: "NPS (0–10)" },
  { value: "rating", label: "Rating" },
  { value: "single_choice", label: "Single choice" },
  { value: "multiple_choice", label: "Multiple choice" },
  { value: "text", label: "Free text" },
];

export function SurveyFields({ content, onChange, err }: EditorProps) {
  const questions = (content.questions as Question[] | undefined) ?? [];
  const set = (next: Question[]) => onChange({ ...content, questions: next });
  const patch = (i: number, p: Partial<Question>) => set(questions.map((q, j) => (j === i ? { ...q, ...p } : q)));
  const typeChange = (i: number, type: string) =>
    patch(i, { type, options: type.endsWith("_choice") ? questions[i].options ?? ["", ""] : undefined, scale: type === "rating" ? 5 : undefined });
  return (
    <div className="space-y-4">
      <TextInput id="content-title" label="Survey title (optional)" value={typeof content.title === "string" ? content.title : ""} error={err("title")} onChange={(e) => onChange({ ...content, title: e.target.value })} />
      <FieldError message={err("questions")} />
      {questions.map((q, i) => (
        <fieldset key={q.id} className="space-y-3 rounded-md bg-slate-50 p-4">
          <div className="flex items-center justify-between">
            <legend className="text-sm font-semibold text-slate-800">Question {i + 1}</legend>
            <ItemControls label={`Question ${i + 1}`} index={i} count={questions.length} onMove={(to) => set(move(questions, i, to))} onRemove={() => set(questions.filter((_, j) => j !== i))} />
          </div>
          <Select id={`question-${i}-type`} label={`Question ${i + 1} type`} value={q.type} options={QUESTION_TYPES} onChange={(e) => typeChange(i, e.target.value)} />
          <TextInput id={`question-${i}-prompt`} label={`Question ${i + 1}`} value={q.prompt} error={err(`questions.${i}.prompt`)} onChange={(e) => patch(i, { prompt: e.target.value })} />
          {q.type.endsWith("_choice") ? (
            <TextArea id={`question-${i}-options`} label="Options (one per line)" rows={3} value={(q.options ?? []).join("\n")} error={err(`questions.${i}.options`) ?? err(`questions.${i}.options.0`)}
              onChange={(e) => patch(i, { options: e.target.value.split("\n") })} />
          ) : null}
          {q.type === "rating" ? (
            <Select id={`question-${i}-scale`} label="Scale" value={String(q.scale ?? 5)} options={[{ value: "5", label: "1 to 5" }, { value: "10", label: "1 to 10" }]}
              onChange={(e) => patch(i, { scale: Number(e.target.value) })} />
          ) : null}
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" checked={q.required} onChange={(e) => patch(i, { required: e.target.checked })} />
            Answer required
          </label>
        </fieldset>
      ))}
      {questions.length < 20 ? (
        <Button type="button" variant="secondary" onClick={() => set([...questions, { id: nextId("q", questions.map((q) => q.id)), type: "text", prompt: "", required: false }])}>
          Add question
        </Button>
      ) : null}
      <TextInput id="content-thank-you" label="Thank-you message" value={typeof content.thankYou === "string" ? content.thankYou : ""} error={err("thankYou")} onChange={(e) => onChange({ ...content, thankYou: e.target.value })} />
    </div>
  );
}
