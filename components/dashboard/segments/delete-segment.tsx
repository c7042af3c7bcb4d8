"use client";

import { ActionForm } from "@/components/dashboard/action-form";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/http/action-state";

export function DeleteSegmentForm({ action, workspace, id, name }: { action: (p: ActionState, f: FormData) => Promise<ActionState>; workspace: string; id: string; name: string }) {
  return (
    <ActionForm action={action} workspace={workspace} confirm={`Delete the segment “${name}”?`}>
      {(_s, pending) => (
        <>
          <input type="hidden" name="id" value={id} />
          <Button type="submit" variant="danger" disabled={pending}>Delete segment</Button>
        </>
      )}
    </ActionForm>
  );
}
