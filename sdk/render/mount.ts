// Shadow roots and the renderer registry, shared by the live SDK and the dashboard preview.
import type { TTheme } from "@/lib/sdk-protocol";
import { focusInto, h } from "../dom";
import { adopt } from "../styles";
import { announcement } from "./announcement";
import { banner } from "./banner";
import type { Ctx } from "./context";
import { hint } from "./hint";
import { survey } from "./survey";
import { tour } from "./tour";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each renderer takes its own type's content
export const RENDERERS: Record<string, (content: any, x: Ctx) => void> = { announcement, banner, tour, hint, survey };

/** A host element with an open shadow root (open so that tests and assistive tools can reach inside). */
export function shadowHost(tag: "herald-root" | "herald-preview", parent: Element): ShadowRoot {
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: "open" });
  adopt(root);
  parent.append(host);
  return root;
}

const THEME = { primaryColor: "--hc", textColor: "--ht", backgroundColor: "--hg" } as const;
/** Theme colours as custom properties; anything but a hex colour keeps the default. */
export function applyTheme(root: ShadowRoot, theme?: Partial<TTheme> | null): void {
  const style = (root.host as HTMLElement).style;
  for (const k in THEME) {
    const v = theme?.[k as keyof TTheme];
    if (typeof v === "string" && /^#[\da-f]{3,8}$/i.test(v)) style.setProperty(THEME[k as keyof TTheme], v);
  }
}

/** Renders into a fresh layer of `root`; the returned function removes it (once). */
export function mount(
  root: ShadowRoot,
  render: (x: Ctx) => void,
  opts: Pick<Ctx, "preview" | "api" | "send" | "seen" | "host"> & { closed?: () => void },
): () => void {
  const layer = h("div");
  const cleanups: (() => void)[] = [];
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    // Last registered first: focus goes back to what had it before the experience opened.
    for (const f of cleanups.reverse()) f();
    layer.remove();
    opts.closed?.();
  };
  root.append(layer);
  try {
    render({
      ...opts,
      layer,
      // A preview stays on screen: its buttons show what they look like, not what they do.
      close: opts.preview ? () => {} : close,
      onClose: (f) => cleanups.push(f),
      focus: (box, target) => opts.preview || cleanups.push(focusInto(box, target)),
    });
  } catch (e) {
    close();
    throw e;
  }
  // A preview is a picture of the experience on the admin's page, not a dialog of that page.
  if (opts.preview) {
    for (const d of layer.querySelectorAll("[role=dialog]")) {
      d.setAttribute("role", "group");
      d.removeAttribute("aria-modal");
    }
  }
  return close;
}
