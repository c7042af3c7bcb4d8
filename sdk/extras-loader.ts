// Checklists and the resource center render from a second script, sdk-extras.js, loaded from beside
// sdk.js the first time one is needed: pages without them never download it.
import { RENDERERS } from "./render/mount";
import { cfg } from "./state";

export const LAZY = ["checklist", "resource_center"];

let loading: Promise<void> | undefined;

export function loadExtras(): Promise<void> {
  return (loading ||= new Promise<void>((ok, fail) => {
    const s = document.createElement("script");
    s.src = cfg.extras;
    s.onload = () => {
      const w = window as unknown as { __heraldExtras?: typeof RENDERERS };
      Object.assign(RENDERERS, w.__heraldExtras);
      delete w.__heraldExtras;
      if (RENDERERS.checklist) ok();
      else fail(new Error(`${s.src} registered nothing`));
    };
    s.onerror = () => {
      loading = undefined; // a later page view may try again
      fail(new Error(`${s.src} did not load`));
    };
    document.head.append(s);
  }));
}
