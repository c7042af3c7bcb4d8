// window.herald: replaces the install snippet's stubs, replays their queue, and never throws into the
// host page (failures go to one console.warn). Nothing is stored before init().
import type { TTheme } from "@/lib/sdk-protocol";
import { LAZY, loadExtras } from "./extras-loader";
import { applyTheme, mount, RENDERERS, shadowHost } from "./render/mount";
import { attributes, hideAll, navigated, openChangelog, resolveSoon, signal, waitFor } from "./resolve";
import { anonymousId, cfg, clearSeen, saveQueue, warn } from "./state";
import { beacon, enqueue, post, warnFailed } from "./transport";

type TInit = { key: string; apiUrl?: string; locale?: string; changelogBadge?: string };

// The script's own origin is the default API base; currentScript exists only while this file first runs.
const src = (document.currentScript as HTMLScriptElement | null)?.src;
const origin = src ? new URL(src).origin : location.origin;
cfg.extras = new URL("sdk-extras.js", src || `${origin}/`).href;
let started = false;
let user: string | undefined;
const early: [string, unknown[]][] = [];

function init(o: TInit): void {
  if (started) return;
  if (!o?.key) return warn("herald.init needs { key }");
  started = true;
  cfg.key = String(o.key);
  cfg.api = String(o.apiUrl || origin).replace(/\/+$/, "");
  cfg.locale = o.locale || navigator.language || undefined;
  cfg.badge = o.changelogBadge || "";
  anonymousId();
  addEventListener("pagehide", () => beacon());
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && beacon());
  for (const m of ["pushState", "replaceState"] as const) {
    const original = history[m];
    history[m] = function (this: History, ...a: Parameters<History["pushState"]>) {
      original.apply(this, a);
      navigated();
    };
  }
  addEventListener("popstate", navigated);
  resolveSoon(0);
  for (const [m, a] of early.splice(0)) api[m](...a);
}

async function identify(userId: unknown, traits?: object | null, opts?: { userHash?: string } | null): Promise<void> {
  const id = String(userId ?? "").trim();
  if (!id) return warn("herald.identify needs a userId");
  // Another person signs in on this browser: they must not inherit the previous one's anonymous history.
  if (user && user !== id) reset();
  user = id;
  const send = () => post("identify", { key: cfg.key, anonymousId: anonymousId(), userId: id, traits: traits || {}, userHash: opts?.userHash });
  const done = send().then(async (r) => {
    // 409: the server knows this anonymous id as someone else (a sign-out without reset(), then a reload).
    if (r.status === 409) {
      reset();
      user = id;
      r = await send();
    }
    if (!r.ok) await warnFailed(r);
  });
  waitFor(done.catch(warn));
  resolveSoon();
  await done;
}

function setAttributes(a: Record<string, unknown>): void {
  for (const k in a) {
    const v = a[k];
    if (v === null || ["string", "number", "boolean"].includes(typeof v)) attributes[k] = v as string;
  }
  resolveSoon(300);
}

function track(name: unknown): void {
  const n = String(name ?? "").trim().slice(0, 100);
  if (!n) return;
  enqueue({ type: "track", name: n });
  signal({ track: n }); // a checklist on screen ticks its task at once; the server records it too
}

function reset(): void {
  beacon(); // the previous person's unsent events still count, under their own id
  saveQueue([]);
  clearSeen();
  anonymousId(true);
  hideAll();
  user = undefined;
  resolveSoon();
}

/** The dashboard's live preview: the same renderers in the container's own shadow root, no network. */
function preview(container: HTMLElement, experience: { type: string; content: unknown }, theme?: TTheme): () => void {
  const type = experience?.type;
  if ((!RENDERERS[type] && !LAZY.includes(type)) || !experience.content || typeof experience.content !== "object") throw new Error(`Herald cannot render ${type}`);
  const root = shadowHost("herald-preview", container);
  let close: (() => void) | undefined;
  let gone = false;
  const host = { on() {}, tours: () => [], startTour() {}, changelog: async () => undefined, seenBefore: false };
  const draw = () => {
    if (!gone) close = mount(root, (x) => RENDERERS[type](experience.content, x), { preview: true, api: origin, host, send() {}, seen() {} });
  };
  const remove = () => {
    gone = true;
    close?.();
    root.host.remove();
  };
  try {
    applyTheme(root, theme);
    if (RENDERERS[type]) draw();
    else loadExtras().then(draw).catch(warn);
    return remove;
  } catch (e) {
    remove();
    throw e;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- arguments come from the host page, unchecked
type Fn = (...a: any[]) => unknown;
const methods: Record<string, Fn> = { init, identify, setAttributes, track, reset, openChangelog };
const api: Record<string, Fn> = { preview };
for (const m in methods) {
  api[m] = (...a) => {
    if (!started && m !== "init") return void early.push([m, a]);
    try {
      const r = methods[m](...a);
      if (r instanceof Promise) r.catch(warn);
    } catch (e) {
      warn(e);
    }
  };
}

const w = window as unknown as { herald?: Record<string, unknown> & { q?: ArrayLike<unknown>[][] } };
// Loaded twice: the first copy stays in charge.
if (!w.herald?.preview) {
  // The snippet's own object is kept, so that references the page saved to it keep working.
  const stub = w.herald || {};
  const queued = stub.q || [];
  delete stub.q;
  w.herald = Object.assign(stub, api);
  for (const [m, a] of queued) api[m as string]?.(...Array.from((a || []) as ArrayLike<unknown>));
}
