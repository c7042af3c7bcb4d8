// Whether an answer sent by the SDK fits its question, so that results never count a malformed
// answer (an NPS of 11, a choice that is not an option). Pure.
import type { TQuestion } from "@/lib/experiences/content";
import type { TAnswerValue } from "@/lib/sdk-protocol";

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);

export function answerFits(question: TQuestion, value: TAnswerValue): boolean {
  switch (question.type) {
    case "nps":
      return isInt(value) && value >= 0 && value <= 10;
    case "rating":
      return isInt(value) && value >= 1 && value <= (question.scale ?? 5);
    case "single_choice":
      return typeof value === "string" && (question.options ?? []).includes(value);
    case "multiple_choice":
      return (
        Array.isArray(value) && value.length > 0 && new Set(value).size === value.length && value.every((v) => (question.options ?? []).includes(v))
      );
    case "text":
      return typeof value === "string" && value.trim().length > 0;
  }
}
