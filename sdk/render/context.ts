// What a renderer gets: its own layer in the shadow root and callbacks into the SDK (no-ops in previews).
import type { TAnswerValue, TResolveResponse, TSdkExperience } from "@/lib/sdk-protocol";
import { h, safeUrl } from "../dom";
import type { TChangelog } from "./changelog";

export type TExperienceEvent =
  | { type: "view" | "complete" | "dismiss" | "click" }
  | { type: "step"; step: number }
  | { type: "answer"; questionId: string; answer: TAnswerValue }
  | { type: "task"; taskId: string };

/** What happened elsewhere in the SDK, for the checklist and resource center (sdk-extras.js). */
export type TSignal = { track: string } | { complete: string } | { resolved: TResolveResponse };

/** The SDK's services for the lazily loaded renderers (a stand-in without network in previews). */
export type THost = {
  /** The experience as resolve sent it (a checklist's done tasks). */
  experience?: TSdkExperience;
  /** Listens until the experience closes. */
  on: (f: (s: TSignal) => void) => void;
  tours: () => { id: string; title: string }[];
  startTour: (id: string) => void;
  changelog: () => Promise<TChangelog | undefined>;
  /** Already shown earlier in this tab (a checklist then starts minimised). */
  seenBefore: boolean;
};

export type Ctx = {
  layer: HTMLElement;
  /** In the dashboard preview: laid out in the container, never anchored to page elements, no navigation. */
  preview: boolean;
  /** Base for relative image addresses (Herald's own uploads). */
  api: string;
  send: (e: TExperienceEvent) => void;
  /** Called once the end user can actually see it (a hint only when its element exists). */
  seen: () => void;
  /** Removes the experience; what it registered with onClose runs first. */
  close: () => void;
  onClose: (f: () => void) => void;
  /** Moves focus into `box` (not in previews: the admin is typing) and gives it back on close. */
  focus: (box: HTMLElement, target?: HTMLElement | null) => void;
  host?: THost;
};

/** The × button of dialogs, cards and bars. */
export const closeButton = (label: string, onclick: () => void) => h("button", { class: "x", "aria-label": label, onclick }, "×");

export type TButton = { label: string; action: "dismiss" | "next" | "complete" | "link"; url?: string };

/** Content buttons: dismiss and complete close it; a link also records the click and navigates. */
export function buttons(list: TButton[] | undefined, x: Ctx) {
  return h(
    "div",
    { class: "row" },
    // A button without a label (half-typed in the editor) would be nameless: left out.
    (Array.isArray(list) ? list : []).filter((b) => String(b?.label ?? "").trim()).map((b) =>
      h("button", {
        class: b.action === "dismiss" ? "btn s" : "btn",
        onclick: () => {
          if (b.action === "link") x.send({ type: "click" });
          x.send({ type: b.action === "dismiss" ? "dismiss" : "complete" });
          x.close();
          const to = b.action === "link" && !x.preview && safeUrl(b.url);
          if (to) location.assign(to);
        },
      }, b.label),
    ),
  );
}
