"use client";

import { ActionForm } from "@/components/dashboard/action-form";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/http/action-state";

export function ErasePersonForm({ action, workspace, id }: { action: (p: ActionState, f: FormData) => Promise<ActionState>; workspace: string; id: string }) {
  return (
    <ActionForm action={action} workspace={workspace} confirm="Erase this person's name, email and user id? This cannot be undone; their answers stay, anonymously.">
      {(_s, pending) => (
        <>
          <input type="hidden" name="id" value={id} />
          <Button type="submit" variant="danger" disabled={pending}>Erase personal data</Button>
        </>
      )}
    </ActionForm>
  );
}
