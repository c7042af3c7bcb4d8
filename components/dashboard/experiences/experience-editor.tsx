"use client";

import { useMemo, useState } from "react";
import { ActionForm } from "@/components/dashboard/action-form";
import { Select, TextInput } from "@/components/dashboard/form-controls";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/http/action-state";
import type { TEditableType } from "@/lib/experiences/input";
import { TYPE_LABELS } from "@/components/dashboard/badges";
import { GoalFields, goalPayload, type GoalValue } from "./goal-fields";
import { LivePreview } from "./live-preview";
import { ChecklistFields } from "./checklist-fields";
import { SurveyFields, TourFields } from "./list-fields";
import { ResourceCenterFields } from "./resource-center-fields";
import { TranslationsPanel, type Translations } from "./translations-panel";
import { AnnouncementFields, BannerFields, HintFields, type Content, type EditorProps, type TRelated } from "./simple-fields";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
export type EditorValue = {
  name: string;
  type: TEditableType;
  content: Content;
  trigger: { match: string; url?: string };
  frequency: string;
  priority: number;
  segmentId: string | null;
  goal: GoalValue;
  holdoutPercent: number;
  translations: Translations;
};

const FIELDS: Record<TEditableType, (p: EditorProps) => React.ReactNode> = {
  announcement: AnnouncementFields,
  banner: BannerFields,
  tour: TourFields,
  hint: HintFields,
  survey: SurveyFields,
  checklist: ChecklistFields,
  resource_center: ResourceCenterFields,
};

/** Shown until completed or dismissed (checklists) or always (the resource center's launcher), whatever the frequency. */
const OWN_FREQUENCY: readonly TEditableType[] = ["checklist", "resource_center"];

/** Blank option lines are ignored rather than reported, so "one per line" forgives a trailing newline. */
function cleaned(type: TEditableType, content: Content): Content {
  if (type !== "survey") return content;
  const questions = (content.questions as { options?: string[] }[] | undefined) ?? [];
  return { ...content, questions: questions.map((q) => (q.options ? { ...q, options: q.options.filter((o) => o.trim() !== "") } : q)) };
}

export function ExperienceEditor({
  action,
  workspace,
  id,
  initial,
  segments,
  theme,
  live,
  related,
  defaultLocale = "en",
}: {
  action: Action;
  workspace: string;
  id?: string;
  initial: EditorValue;
  segments: { id: string; name: string }[];
  theme: { primaryColor: string; textColor: string; backgroundColor: string };
  live: boolean;
  /** Tours and surveys of this workspace, for checklist tasks. */
  related?: TRelated[];
  /** The workspace's default language: the content is written in it. */
  defaultLocale?: string;
}) {
  const [v, setV] = useState(initial);
  const content = useMemo(() => cleaned(v.type, v.content), [v.type, v.content]);
  const payload = JSON.stringify({
    name: v.name,
    typed: { type: v.type, content },
    trigger: v.trigger.match === "any" ? { match: "any" } : v.trigger,
    frequency: v.frequency,
    priority: Number.isFinite(v.priority) ? v.priority : null,
    segmentId: v.segmentId || null,
    ...goalPayload(v.goal, v.holdoutPercent),
    translations: v.translations,
  });
  const Fields = FIELDS[v.type];
  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_26rem]">
      <ActionForm action={action} workspace={workspace} confirm={live ? "This experience is live: your changes reach end users at once. Save?" : undefined}>
        {(state, pending) => {
          const err = (path: string) => state.fieldErrors?.[path];
          return (
            <>
              <input type="hidden" name="id" value={id ?? ""} />
              <input type="hidden" name="payload" value={payload} />
              <div className="space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
                <p className="text-sm text-slate-600">Type: <strong>{TYPE_LABELS[v.type]}</strong></p>
                <TextInput id="experience-name" label="Name (only admins see it)" value={v.name} error={err("name")} onChange={(e) => setV({ ...v, name: e.target.value })} />
                <Fields content={v.content} related={related} onChange={(c) => setV({ ...v, content: c })} err={(p) => err(`typed.content.${p}`) ?? (p === "title" ? err("typed") : undefined)} />
              </div>
              <div className="grid gap-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2">
                <h2 className="text-base font-semibold sm:col-span-2">Targeting</h2>
                <Select id="experience-segment" label="Segment" value={v.segmentId ?? ""} error={err("segmentId")}
                  options={[{ value: "", label: "Everyone" }, ...segments.map((s) => ({ value: s.id, label: s.name }))]}
                  onChange={(e) => setV({ ...v, segmentId: e.target.value || null })} />
                <Select id="experience-trigger-match" label="Show on pages" value={v.trigger.match}
                  options={[{ value: "any", label: "Any page" }, { value: "exact", label: "URL is exactly" }, { value: "prefix", label: "URL starts with" }, { value: "glob", label: "URL matches pattern (*)" }]}
                  onChange={(e) => setV({ ...v, trigger: { ...v.trigger, match: e.target.value } })} />
                {v.trigger.match !== "any" ? (
                  <TextInput id="experience-trigger-url" label="URL or path" placeholder="/app/reports" value={v.trigger.url ?? ""} error={err("trigger.url")}
                    onChange={(e) => setV({ ...v, trigger: { ...v.trigger, url: e.target.value } })} />
                ) : null}
                {OWN_FREQUENCY.includes(v.type) ? (
                  <p className="text-sm text-slate-600">{v.type === "checklist" ? "Shown until every task is done or the end user dismisses it." : "Its launcher stays on every matching page."}</p>
                ) : (
                  <Select id="experience-frequency" label="Frequency" value={v.frequency} error={err("frequency")}
                    options={[{ value: "once", label: "Once per end user" }, { value: "until_completed", label: "Until completed" }, { value: "every_session", label: "Every session" }]}
                    onChange={(e) => setV({ ...v, frequency: e.target.value })} />
                )}
                <TextInput id="experience-priority" label="Priority (0–100, higher first)" type="number" min={0} max={100} value={Number.isFinite(v.priority) ? v.priority : ""} error={err("priority")}
                  onChange={(e) => setV({ ...v, priority: e.target.value === "" ? NaN : Number(e.target.value) })} />
              </div>
              <GoalFields goal={v.goal} holdoutPercent={v.holdoutPercent} err={err} onChange={(g) => setV({ ...v, ...g })} />
              <TranslationsPanel content={content} translations={v.translations} defaultLocale={defaultLocale} err={err} onChange={(t) => setV({ ...v, translations: t })} />
              <div className="flex justify-end">
                <Button type="submit" disabled={pending}>{pending ? "Saving…" : id ? "Save changes" : "Create draft"}</Button>
              </div>
            </>
          );
        }}
      </ActionForm>
      <div className="xl:sticky xl:top-6 xl:self-start">
        <LivePreview type={v.type} content={content} theme={theme} />
      </div>
    </div>
  );
}
