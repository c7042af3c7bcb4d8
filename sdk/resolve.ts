// Asks /resolve what to show on this page and keeps what is shown in step with it.
import type { TAttributes, TResolveResponse, TSdkExperience, TSdkResources } from "@/lib/sdk-protocol";
import { LAZY, loadExtras } from "./extras-loader";
import { badge, changelog, type TChangelog } from "./render/changelog";
import type { TSignal } from "./render/context";
import { applyTheme, mount, RENDERERS, shadowHost } from "./render/mount";
import { addSeen, anonymousId, cfg, get, SEEN_AT, sessionSeen, set, warn } from "./state";
import { enqueue, flush, post, warnFailed } from "./transport";
import { clearUrlEvents, urlEvents } from "./url-events";

/** Sent with every resolve of this page view; the server keeps them on the end user. */
export const attributes: TAttributes = {};

const MODAL = ["announcement", "survey", "tour"];
const shown = new Map<string, { type: string; close: () => void; listeners: ((s: TSignal) => void)[] }>();
let resources: TSdkResources | undefined;
// Closed by the end user in this page view: not shown again even if the server has not heard yet.
const closed = new Set<string>();
const viewed = new Set<string>();
let root: ShadowRoot | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let lastUrl = "";
let generation = 0;
let retries = 0;
let identifying: Promise<unknown> = Promise.resolve();

function page(): ShadowRoot {
  root ||= shadowHost("herald-root", document.body);
  // Some apps replace the whole <body>: the one host element goes back in.
  if (!root.host.isConnected) document.body.append(root.host);
  return root;
}

/** Resolves wait for an identify in flight, so that its traits count. */
export const waitFor = (p: Promise<unknown>) => (identifying = p);

export function resolveSoon(ms = 100): void {
  generation++; // an answer still in flight is out of date (say, from before reset())
  clearTimeout(timer);
  timer = setTimeout(() => void resolveNow().catch(warn), ms);
}

/** Single-page apps: history changes and popstate re-resolve so that URL triggers apply. */
export function navigated(): void {
  if (lastUrl && location.href !== lastUrl) resolveSoon(300);
}

async function resolveNow(): Promise<void> {
  const run = generation;
  await identifying;
  await flush(); // a dismissal made just before must reach the server before it decides again
  const url = location.href;
  const r = await post("resolve", { key: cfg.key, anonymousId: anonymousId(), attributes, url: url.slice(0, 2000), locale: cfg.locale, sessionSeen: sessionSeen() }).catch(() => undefined);
  if (run !== generation) return;
  if (!r?.ok) {
    if (r && r.status < 500 && r.status !== 429) return warnFailed(r);
    if (retries < 3) resolveSoon(2000 * 2 ** retries++);
    return;
  }
  retries = 0;
  const data: TResolveResponse = await r.json();
  if (run !== generation) return;
  if (!document.body) await new Promise((ok) => addEventListener("DOMContentLoaded", ok, { once: true }));
  applyTheme(page(), data.theme);
  const eligible = new Set(data.experiences.map((e) => e.id));
  // After a navigation, hints and banners not eligible on this URL go; an open modal stays.
  if (lastUrl && url !== lastUrl) for (const [id, s] of shown) if (!eligible.has(id) && !MODAL.includes(s.type)) hide(id);
  lastUrl = url;
  resources = data.resources;
  urlEvents(data, url);
  data.experiences.forEach((e) => show(e));
  signal({ resolved: data });
  void updateBadge(data.changelog?.latestPublishedAt).catch(warn);
}

/** Tells the shown checklists and resource center (tracked events, completions, fresh progress). */
export function signal(s: TSignal): void {
  for (const x of shown.values()) for (const f of x.listeners) f(s);
}

/** A tour started from a checklist task or the resource center, even if already seen or closed. */
function startTour(id: string): void {
  const t = resources?.tours.find((x) => x.id === id);
  if (!t || shown.has(id)) return;
  closed.delete(id);
  show({ id, type: "tour", frequency: "once", priority: 0, content: t.content }, true);
}

function hide(id: string): void {
  const s = shown.get(id);
  shown.delete(id); // before close(), so that it does not count as closed by the end user
  s?.close();
}

function show(e: TSdkExperience, force?: boolean): void {
  const modalOpen = MODAL.includes(e.type) && [...shown.values()].some((s) => MODAL.includes(s.type));
  if (shown.has(e.id) || (!force && (closed.has(e.id) || modalOpen))) return;
  if (!RENDERERS[e.type]) {
    if (LAZY.includes(e.type)) loadExtras().then(() => show(e, force), warn);
    return;
  }
  const listeners: ((s: TSignal) => void)[] = [];
  const send: Parameters<typeof mount>[2]["send"] = (ev) => {
    enqueue({ ...ev, experienceId: e.id });
    if (ev.type === "complete") signal({ complete: e.id });
  };
  const host = {
    experience: e,
    on: (f: (s: TSignal) => void) => listeners.push(f),
    tours: () => (resources?.tours || []).map(({ id, title }) => ({ id, title })),
    startTour,
    changelog: readChangelog,
    seenBefore: sessionSeen().includes(e.id),
  };
  try {
    const close = mount(page(), (x) => RENDERERS[e.type](e.content, x), {
      preview: false,
      api: cfg.api,
      host,
      send,
      seen: () => {
        if (viewed.has(e.id)) return;
        viewed.add(e.id);
        addSeen(e.id);
        send({ type: "view" });
      },
      closed: () => shown.delete(e.id) && closed.add(e.id),
    });
    shown.set(e.id, { type: e.type, close, listeners });
  } catch (err) {
    warn(err);
  }
}

/** reset(): everything shown goes; this page view starts over. */
export function hideAll(): void {
  for (const id of shown.keys()) hide(id);
  closed.clear();
  viewed.clear();
  clearUrlEvents();
  for (const k in attributes) delete attributes[k];
}

async function getChangelog(): Promise<TChangelog> {
  const params = new URLSearchParams({ key: cfg.key });
  if (cfg.locale) params.set("locale", cfg.locale);
  const r = await fetch(`${cfg.api}/api/sdk/v1/changelog?${params}`, { credentials: "omit" });
  if (!r.ok) throw new Error(`changelog: ${r.status}`);
  return r.json();
}

let badgeFor: string | undefined;
/** The unread count = posts newer than the last opening; fetched only when resolve says there is news. */
async function updateBadge(latest: string | null | undefined): Promise<void> {
  if (!cfg.badge || !latest || latest === badgeFor) return;
  badgeFor = latest;
  const seenAt = Number(get(SEEN_AT)) || 0;
  const unread = Date.parse(latest) > seenAt ? (await getChangelog()).posts.filter((p) => Date.parse(p.publishedAt) > seenAt).length : 0;
  badge(cfg.badge, unread);
}

/** The posts, now counted as read (the badge clears). */
async function readChangelog(): Promise<TChangelog> {
  const data = await getChangelog();
  set(SEEN_AT, String(Date.now()));
  if (cfg.badge) badge(cfg.badge, 0);
  return data;
}

let drawer: (() => void) | undefined;
export async function openChangelog(): Promise<void> {
  const data = await readChangelog();
  drawer ||= mount(page(), (x) => changelog(data, x), { preview: false, api: cfg.api, send() {}, seen() {}, closed: () => (drawer = undefined) });
}
