"use client";
// The portal's only client JavaScript. Counts are server-rendered, so reading works without it;
// reacting needs a random voter id, created on the first reaction and kept in localStorage.
import { useEffect, useState } from "react";

const VOTER_KEY = "herald.voterId";

function storedVoterId(): string | null {
  try {
    return window.localStorage.getItem(VOTER_KEY);
  } catch {
    return null;
  }
}

function ensureVoterId(): string {
  const existing = storedVoterId();
  if (existing) return existing;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  try {
    window.localStorage.setItem(VOTER_KEY, id);
  } catch {
    // Storage blocked: the reaction still counts, it just cannot be remembered.
  }
  return id;
}

type State = { counts: Record<string, number>; mine: string[] };

export function ReactionBar({ endpoint, reactions, initialCounts }: { endpoint: string; reactions: readonly string[]; initialCounts: Record<string, number> }) {
  const [state, setState] = useState<State>({ counts: initialCounts, mine: [] });
  const [ready, setReady] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");

  useEffect(() => {
    const voterId = storedVoterId();
    // Without a stored id this reader has not reacted yet: nothing to ask the server.
    const mine: Promise<State | null> = voterId
      ? fetch(`${endpoint}?voterId=${encodeURIComponent(voterId)}`, { cache: "no-store" }).then((res) => (res.ok ? res.json() : null))
      : Promise.resolve(null);
    mine
      .then((data) => data && setState(data))
      .catch(() => {})
      .finally(() => setReady(true));
  }, [endpoint]);

  async function toggle(emoji: string) {
    setBusy(true);
    setMessage("");
    try {
      const res = await fetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ voterId: ensureVoterId(), emoji, active: !state.mine.includes(emoji) }),
      });
      const data = await res.json();
      if (res.ok) setState(data);
      else setMessage(data?.error?.message ?? "Your reaction could not be saved.");
    } catch {
      setMessage("Your reaction could not be saved. Check your connection.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <div role="group" aria-label="Reactions" className="flex flex-wrap gap-2">
        {reactions.map((emoji) => {
          const pressed = state.mine.includes(emoji);
          const n = state.counts[emoji] ?? 0;
          return (
            <button
              key={emoji}
              type="button"
              disabled={!ready || busy}
              aria-pressed={pressed}
              aria-label={`React with ${emoji}: ${n}`}
              onClick={() => toggle(emoji)}
              className={`inline-flex items-center gap-1.5 rounded-full px-3 py-1 text-sm ring-1 ring-inset transition disabled:cursor-default ${
                pressed ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"
              }`}
            >
              <span aria-hidden="true">{emoji}</span>
              <span data-testid={`count-${emoji}`}>{n}</span>
            </button>
          );
        })}
      </div>
      <p role="status" className="mt-2 min-h-5 text-sm text-red-700">{message}</p>
    </div>
  );
}
