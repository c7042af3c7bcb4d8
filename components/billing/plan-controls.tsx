"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { callBilling, newIdempotencyKey } from "./billing-api";

type Intent = { body: Record<string, unknown>; method: "POST" | "PATCH"; done: string; confirm?: string };

/** Runs one subscription change at a time; a double click sends one request with one key. */
function useSubscriptionChange(slug: string) {
  const router = useRouter();
  const busy = useRef(false);
  const [pending, setPending] = useState<string>();
  const [result, setResult] = useState<{ ok: boolean; message: string }>();

  async function run(label: string, intent: Intent) {
    if (busy.current || (intent.confirm && !window.confirm(intent.confirm))) return;
    busy.current = true;
    setPending(label);
    setResult(undefined);
    const res = await callBilling(slug, "subscription", intent.method, intent.body, newIdempotencyKey());
    setResult(res.ok ? { ok: true, message: intent.done } : { ok: false, message: res.message });
    if (res.ok) router.refresh();
    busy.current = false;
    setPending(undefined);
  }
  return { run, pending, result };
}

function Feedback({ result }: { result?: { ok: boolean; message: string } }) {
  if (!result) return null;
  return <div className="mt-3"><Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert></div>;
}

/** "Choose Pro" buttons of the plans list (owners and admins). */
export function PlanChooser({ slug, plan, planName, current }: { slug: string; plan: string; planName: string; current: boolean }) {
  const { run, pending, result } = useSubscriptionChange(slug);
  if (current) return <span className="text-sm font-medium text-brand-700">Current plan</span>;
  return (
    <div>
      <Button type="button" variant="secondary" disabled={Boolean(pending)} onClick={() => run(plan, { method: "POST", body: { plan }, done: `You are now on the ${planName} plan.` })}>
        {pending ? "Subscribing…" : `Choose ${planName}`}
      </Button>
      <Feedback result={result} />
    </div>
  );
}

/** Cancel at the end of the period, or resume before it ends. */
export function CancellationControl({ slug, cancelAtPeriodEnd, endsOn }: { slug: string; cancelAtPeriodEnd: boolean; endsOn: string }) {
  const { run, pending, result } = useSubscriptionChange(slug);
  return (
    <div className="mt-4">
      {cancelAtPeriodEnd ? (
        <Button type="button" disabled={Boolean(pending)} onClick={() => run("resume", { method: "PATCH", body: { cancelAtPeriodEnd: false }, done: "Your subscription will renew." })}>
          {pending ? "Resuming…" : "Resume subscription"}
        </Button>
      ) : (
        <Button
          type="button"
          variant="danger"
          disabled={Boolean(pending)}
          onClick={() =>
            run("cancel", {
              method: "PATCH",
              body: { cancelAtPeriodEnd: true },
              done: `Your subscription ends on ${endsOn}.`,
              confirm: `Cancel the subscription? The workspace keeps its plan until ${endsOn}, then moves to the free plan.`,
            })
          }
        >
          {pending ? "Canceling…" : "Cancel at period end"}
        </Button>
      )}
      <Feedback result={result} />
    </div>
  );
}
