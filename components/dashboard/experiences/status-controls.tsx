"use client";

import { ActionForm } from "@/components/dashboard/action-form";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/http/action-state";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

const MOVES: Record<string, { move: string; label: string; variant: "primary" | "secondary" | "danger"; confirm?: string }[]> = {
  draft: [
    { move: "publish", label: "Publish", variant: "primary", confirm: "Publish now? Matching end users start seeing it." },
    { move: "archive", label: "Archive", variant: "secondary" },
  ],
  live: [
    { move: "pause", label: "Pause", variant: "secondary", confirm: "Pause it? End users stop seeing it until you resume." },
    { move: "archive", label: "Archive", variant: "danger", confirm: "Archive it? End users stop seeing it." },
  ],
  paused: [
    { move: "publish", label: "Resume", variant: "primary", confirm: "Resume it? Matching end users see it again." },
    { move: "archive", label: "Archive", variant: "secondary" },
  ],
  archived: [{ move: "restore", label: "Restore as draft", variant: "secondary" }],
};

/** The status moves open from the current status; those that change what end users see ask first. */
export function StatusControls({ status, id, workspace, move, duplicate }: { status: string; id: string; workspace: string; move: Action; duplicate: Action }) {
  return (
    <div className="flex flex-wrap items-start gap-2">
      {(MOVES[status] ?? []).map((m) => (
        <ActionForm key={m.move} action={move} workspace={workspace} className="flex flex-col gap-2" confirm={m.confirm}>
          {(_s, pending) => (
            <>
              <input type="hidden" name="id" value={id} />
              <input type="hidden" name="move" value={m.move} />
              <Button type="submit" variant={m.variant} disabled={pending}>{m.label}</Button>
            </>
          )}
        </ActionForm>
      ))}
      <ActionForm action={duplicate} workspace={workspace} className="flex flex-col gap-2">
        {(_s, pending) => (
          <>
            <input type="hidden" name="id" value={id} />
            <Button type="submit" variant="secondary" disabled={pending}>Duplicate</Button>
          </>
        )}
      </ActionForm>
    </div>
  );
}
