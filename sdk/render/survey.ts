// A survey card in the corner: one question at a time with progress; required questions cannot be
// skipped. Each answer is its own event, then `complete` and the thank-you text.
import type { TQuestion, TSurveyContent } from "@/lib/experiences/content";
import type { TAnswerValue } from "@/lib/sdk-protocol";
import { h, keys, uid } from "../dom";
import { closeButton, type Ctx } from "./context";

type Answer = (v: TAnswerValue | undefined) => void;

/** NPS 0–10 or a 1–N rating as pressable buttons (stars for a five-point rating). */
function scale(from: number, to: number, set: Answer, labelledby: string, stars: boolean) {
  const group = h("div", { class: "sc", role: "group", "aria-labelledby": labelledby });
  for (let n = from; n <= to; n++) {
    group.append(
      h("button", {
        "aria-pressed": "false",
        "aria-label": stars ? `${n} of ${to}` : null,
        onclick: () => {
          group.querySelectorAll("button").forEach((b, k) => {
            b.setAttribute("aria-pressed", String(k + from === n));
            b.classList.toggle("on", stars ? k + from <= n : k + from === n);
          });
          set(n);
        },
      }, stars ? "★" : n),
    );
  }
  return h("div", null, group, from ? null : h("div", { class: "sm ends", "aria-hidden": "true" }, h("span", null, "Not likely"), h("span", null, "Very likely")));
}

function choices(q: TQuestion, set: Answer, labelledby: string) {
  const multi = q.type === "multiple_choice";
  const name = uid();
  const set2 = () => {
    const picked = Array.from(fs.querySelectorAll("input"), (i) => (i.checked ? i.value : "")).filter(Boolean);
    set(multi ? (picked.length ? picked : undefined) : picked[0]);
  };
  const fs = h("fieldset", { "aria-labelledby": labelledby }, (q.options || []).map((o) => h("label", null, h("input", { type: multi ? "checkbox" : "radio", name, value: o, onchange: set2 }), o)));
  return fs;
}

function input(q: TQuestion, set: Answer, id: string) {
  if (q.type === "nps") return scale(0, 10, set, id, false);
  if (q.type === "rating") return scale(1, q.scale === 10 ? 10 : 5, set, id, q.scale !== 10);
  if (q.type === "text") return h("textarea", { "aria-labelledby": id, maxlength: 5000, placeholder: q.placeholder, oninput: (e: Event) => set((e.target as HTMLTextAreaElement).value.trim() || undefined) });
  return choices(q, set, id);
}

export function survey(c: TSurveyContent, x: Ctx): void {
  const questions = Array.isArray(c.questions) ? c.questions : [];
  let done = false;
  const close = () => {
    if (!done) x.send({ type: "dismiss" });
    x.close();
  };
  const body = h("div");
  const card = h("div", { class: "card", role: "dialog", "aria-label": c.title || "Survey", tabindex: -1 }, closeButton("Close survey", close), c.title ? h("h2", null, c.title) : null, body);

  function ask(i: number): void {
    const qn = questions[i];
    if (!qn) {
      done = true;
      x.send({ type: "complete" });
      body.replaceChildren(h("p", { role: "status" }, c.thankYou || "Thank you for your feedback!"));
      x.focus(card, card.querySelector<HTMLElement>(".x"));
      if (!x.preview) setTimeout(x.close, 4000);
      return;
    }
    const id = uid();
    let value: TAnswerValue | undefined;
    const required = qn.required !== false;
    const next = h("button", {
      class: "btn",
      disabled: required,
      onclick: () => {
        if (value !== undefined) x.send({ type: "answer", questionId: qn.id, answer: value });
        ask(i + 1);
      },
    }, i < questions.length - 1 ? "Next" : "Submit");
    const set: Answer = (v) => {
      value = v;
      next.disabled = required && v === undefined;
    };
    body.replaceChildren(
      h("p", { class: "sm" }, `Question ${i + 1} of ${questions.length}`),
      h("p", { id }, h("strong", null, qn.prompt)),
      input(qn, set, id),
      h("div", { class: "row" }, next),
    );
    // Not on the first question: a corner card must not take focus from someone typing in the page.
    if (i) x.focus(card, body.querySelector<HTMLElement>("button,input,textarea"));
  }
  x.layer.append(card);
  keys(card, close);
  ask(0);
  x.seen();
}
