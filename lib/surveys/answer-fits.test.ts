import { describe, expect, it } from "vitest";
import { ZQuestion } from "@/lib/experiences/content";
import { answerFits } from "./answer-fits";

const q = (raw: Record<string, unknown>) => ZQuestion.parse({ id: "q", prompt: "Question?", ...raw });

describe("answerFits", () => {
  it("takes NPS scores 0–10 as whole numbers only", () => {
    const nps = q({ type: "nps" });
    expect([0, 7, 10].map((v) => answerFits(nps, v))).toEqual([true, true, true]);
    expect([-1, 11, 7.5, "7", ["7"]].map((v) => answerFits(nps, v as never))).toEqual([false, false, false, false, false]);
  });

  it("takes ratings from 1 to the question's scale (5 by default)", () => {
    expect(answerFits(q({ type: "rating" }), 5)).toBe(true);
    expect(answerFits(q({ type: "rating" }), 6)).toBe(false);
    expect(answerFits(q({ type: "rating" }), 0)).toBe(false);
    expect(answerFits(q({ type: "rating", scale: 10 }), 9)).toBe(true);
  });

  it("takes only the question's options for choices; several distinct ones for multiple choice", () => {
    const single = q({ type: "single_choice", options: ["Red", "Blue"] });
    expect(answerFits(single, "Red")).toBe(true);
    expect(answerFits(single, "Green")).toBe(false);
    expect(answerFits(single, ["Red"])).toBe(false);
    const multi = q({ type: "multiple_choice", options: ["Tours", "Surveys", "Banners"] });
    expect(answerFits(multi, ["Tours", "Banners"])).toBe(true);
    expect(answerFits(multi, [])).toBe(false);
    expect(answerFits(multi, ["Tours", "Tours"])).toBe(false);
    expect(answerFits(multi, ["Tours", "Spam"])).toBe(false);
    expect(answerFits(multi, "Tours")).toBe(false);
  });

  it("takes non-blank text for text questions", () => {
    const text = q({ type: "text" });
    expect(answerFits(text, "Faster exports")).toBe(true);
    expect(answerFits(text, "   ")).toBe(false);
    expect(answerFits(text, 3)).toBe(false);
  });
});
