// Fixtures for the SDK API's integration tests (imported by *.test.ts only): workspaces, live
// experiences and segments made through the real domain functions, and requests to the real handlers.
import { randomUUID } from "node:crypto";
import { createExperience, moveExperience } from "@/lib/experiences/experiences";
import { createSegment } from "@/lib/segments/segments";
import { makeWorkspace } from "@/lib/end-users/test-fixtures";
import { rotateIdentitySecret, setIdentityVerification } from "@/lib/workspaces/settings-store";

export async function sdkFixture(opts: { verification?: boolean } = {}) {
  const { workspace } = await makeWorkspace(`SDK ${randomUUID().slice(0, 6)}`);
  const secret = await rotateIdentitySecret(workspace.id);
  if (opts.verification) await setIdentityVerification(workspace.id, true);
  return { workspace, key: workspace.publicKey, secret };
}

type Typed = { type: string; content: Record<string, unknown> };
type LiveOptions = { name?: string; trigger?: Record<string, unknown>; frequency?: string; priority?: number; segmentId?: string | null };

export async function liveExperience(workspaceId: string, typed: Typed, opts: LiveOptions = {}): Promise<string> {
  const created = await createExperience(workspaceId, {
    name: opts.name ?? `${typed.type} ${randomUUID().slice(0, 6)}`,
    typed,
    trigger: opts.trigger ?? { match: "any" },
    frequency: opts.frequency ?? "once",
    priority: opts.priority ?? 0,
    segmentId: opts.segmentId ?? null,
  });
  if (!created.ok) throw new Error(`createExperience failed: ${JSON.stringify(created)}`);
  const moved = await moveExperience(workspaceId, created.id, "publish");
  if (!moved.ok) throw new Error(moved.error);
  return created.id;
}

export const announcement = (title: string): Typed => ({ type: "announcement", content: { title, body: "Hello **there**", buttons: [{ label: "Got it", action: "dismiss" }] } });
export const banner = (body: string): Typed => ({ type: "banner", content: { body, position: "top", dismissible: true, buttons: [] } });
export const survey = (): Typed => ({
  type: "survey",
  content: {
    title: "Quick question",
    questions: [
      { id: "nps", type: "nps", prompt: "How likely are you to recommend us?", required: true },
      { id: "features", type: "multiple_choice", prompt: "What do you use?", required: false, options: ["Tours", "Surveys"] },
    ],
  },
});

export async function payingSegment(workspaceId: string, attribute = "plan", value: unknown = "paying"): Promise<string> {
  const saved = await createSegment(workspaceId, {
    name: `${attribute} ${String(value)} ${randomUUID().slice(0, 4)}`,
    rules: { kind: "group", combinator: "and", children: [{ kind: "condition", source: "attribute", attribute, operator: "equals", value }] },
  });
  if (!saved.ok) throw new Error(`createSegment failed: ${JSON.stringify(saved)}`);
  return saved.id;
}

export const anonymousId = () => randomUUID();
export const eventId = () => randomUUID();

/** A JSON POST as a browser on a customer's site would send it. */
export function post(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: "https://customer.example", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
