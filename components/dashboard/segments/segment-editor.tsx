"use client";

import { useEffect, useState } from "react";
import { ActionForm } from "@/components/dashboard/action-form";
import { TextArea, TextInput } from "@/components/dashboard/form-controls";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/http/action-state";
import type { TGroup } from "@/lib/segments/rules-schema";
import { GroupEditor, type Suggestions } from "./rule-builder";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
type Count = { state: "idle" | "loading" } | { state: "done"; matching: number; total: number } | { state: "unavailable"; message: string };

/** "N end users match", asked of the server a moment after the rules stop changing. */
function MatchCount({ slug, rules }: { slug: string; rules: TGroup }) {
  const [count, setCount] = useState<Count>({ state: "idle" });
  const body = JSON.stringify({ rules });
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setCount({ state: "loading" });
      try {
        const res = await fetch(`/api/w/${slug}/segments/match-count`, { method: "POST", body, headers: { "content-type": "application/json" }, signal: controller.signal });
        const json = await res.json();
        if (res.ok) setCount({ state: "done", matching: json.matching, total: json.total });
        else if (res.status === 400) setCount({ state: "unavailable", message: "Complete the conditions to see how many end users match." });
        else setCount({ state: "unavailable", message: json.error?.message ?? "Count unavailable." });
      } catch {
        if (!controller.signal.aborted) setCount({ state: "unavailable", message: "Count unavailable." });
      }
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [slug, body]);
  return (
    <p role="status" aria-live="polite" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-700">
      {count.state === "done"
        ? `${count.matching} of ${count.total} end users match`
        : count.state === "unavailable"
          ? count.message
          : "Counting matching end users…"}
    </p>
  );
}

export function SegmentEditor({ action, workspace, id, initial, suggestions }: { action: Action; workspace: string; id?: string; initial: { name: string; description: string; rules: TGroup }; suggestions: Suggestions }) {
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [rules, setRules] = useState<TGroup>(initial.rules);
  return (
    <ActionForm action={action} workspace={workspace} className="space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      {(state, pending) => {
        const err = (p: string) => state.fieldErrors?.[p];
        return (
          <>
            <input type="hidden" name="id" value={id ?? ""} />
            <input type="hidden" name="payload" value={JSON.stringify({ name, description, rules })} />
            <TextInput id="segment-name" label="Name" value={name} error={err("name")} onChange={(e) => setName(e.target.value)} />
            <TextArea id="segment-description" label="Description (optional)" rows={2} value={description} error={err("description")} onChange={(e) => setDescription(e.target.value)} />
            <div className="space-y-2">
              <h2 className="text-sm font-medium text-slate-700">Conditions</h2>
              <p className="text-xs text-slate-500">
                Attributes are what your app sends with setAttributes (suggested from your end users); traits are known after identify ({suggestions.traits.join(", ")}).
              </p>
              <GroupEditor group={rules} path="rules" depth={0} onChange={setRules} err={err} suggestions={suggestions} />
            </div>
            <MatchCount slug={workspace} rules={rules} />
            <div className="flex justify-end">
              <Button type="submit" disabled={pending}>{pending ? "Saving…" : id ? "Save segment" : "Create segment"}</Button>
            </div>
          </>
        );
      }}
    </ActionForm>
  );
}
