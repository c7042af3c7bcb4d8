import { describe, expect, it } from "vitest";
import { makeWorkspace } from "@/lib/end-users/test-fixtures";
import { localizeContent } from "@/lib/sdk/localize-content";
import { ZTypedContent } from "./content";
import { createExperience, getExperience, updateExperience } from "./experiences";
import { ZExperienceInput } from "./input";
import { checkTranslations, pruneTranslation, textFields } from "./translations";

const survey = ZTypedContent.parse({
  type: "survey",
  content: { title: "Quick question", questions: [{ id: "q1", type: "single_choice", prompt: "Pick one", options: ["Red", "Blue"] }, { id: "q2", type: "text", prompt: "Why?" }] },
});
const announcement = {
  type: "announcement" as const,
  content: { title: "New reports", body: "**Try them**", imageUrl: "/img.png", buttons: [{ label: "Open", action: "link" as const, url: "/reports" }, { label: "Later", action: "dismiss" as const }] },
};
const base = { name: "Reports launch", typed: announcement, trigger: { match: "any" }, frequency: "once", priority: 0, segmentId: null };

describe("text fields of any content", () => {
  it("lists what an end user reads and skips ids, selectors, URLs, enums and conditions", () => {
    expect(textFields(announcement.content).map((f) => f.path.join("."))).toEqual(["title", "body", "buttons.0.label", "buttons.1.label"]);
    expect(textFields(survey.content).map((f) => f.path.join("."))).toEqual(["title", "questions.0.prompt", "questions.0.options.0", "questions.0.options.1", "questions.1.prompt", "thankYou"]);
    const checklist = {
      title: "Get started",
      tasks: [{ id: "t1", label: "Invite a teammate", completeWhen: { kind: "event", name: "invited" }, action: { kind: "link", url: "/invite" } }],
      celebration: "Done!",
    };
    expect(textFields(checklist).map((f) => f.path.join("."))).toEqual(["title", "tasks.0.label", "celebration"]);
    const tour = { steps: [{ id: "s1", selector: "#save", title: "Save", body: "Click", placement: "auto" }] };
    expect(textFields(tour).map((f) => f.path.join("."))).toEqual(["steps.0.title", "steps.0.body"]);
  });

  it("prunes a translation to text, keeping positions with empty placeholders", () => {
    const fr = { title: "Nouveaux rapports", imageUrl: "/evil.png", extra: "x", buttons: [{ label: "", action: "complete", url: "https://evil.test" }, { label: "Plus tard" }] };
    expect(pruneTranslation(announcement.content, fr)).toEqual({ title: "Nouveaux rapports", buttons: [{}, { label: "Plus tard" }] });
    expect(pruneTranslation(survey.content, { questions: [{ options: ["", "Bleu"] }] })).toEqual({ questions: [{ options: ["", "Bleu"] }] });
    expect(pruneTranslation(survey.content, { title: "  ", questions: "nope" })).toBeUndefined();
  });

  it("checks a translation by the content's own limits, with the field's path", () => {
    const { translations, issues } = checkTranslations(survey, { fr: { title: "x".repeat(121), questions: [{ prompt: "Choisissez" }] }, de: { thankYou: "Danke" } });
    expect(issues).toEqual([{ path: "translations.fr.title", message: expect.any(String) }]);
    expect(translations.de).toEqual({ thankYou: "Danke" });
    // What is stored is what the SDK API lays over the default.
    const de = localizeContent(survey, translations, { locale: "de", defaultLocale: "en" });
    expect(de.content).toMatchObject({ title: "Quick question", thankYou: "Danke" });
  });
});

describe("experience input: goal, hold-out, translations", () => {
  const errors = (raw: unknown) => Object.fromEntries((ZExperienceInput.safeParse(raw).error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

  it("validates each field with a message next to it", () => {
    expect(errors({ ...base, goal: { kind: "event", value: "", withinDays: 7 } })).toEqual({ "goal.value": "Enter the event name your app tracks." });
    expect(errors({ ...base, goal: { kind: "event", value: "x".repeat(101), withinDays: 7 } })).toEqual({ "goal.value": "An event name must be at most 100 characters." });
    expect(errors({ ...base, goal: { kind: "url", value: "billing", match: "prefix", withinDays: 7 } })).toEqual({ "goal.value": "Use a path starting with / or an http(s) URL." });
    expect(errors({ ...base, goal: { kind: "url", value: "/billing", match: "prefix", withinDays: 91 } })).toEqual({ "goal.withinDays": "Use 1 to 90 days." });
    expect(errors({ ...base, goal: { kind: "url", value: "/billing", match: "prefix", withinDays: null } })).toEqual({ "goal.withinDays": "Enter a number of days." });
    expect(errors({ ...base, goal: { kind: "event", value: "exported", withinDays: 7 }, holdoutPercent: 51 })).toEqual({ holdoutPercent: "Hold out at most 50% of end users." });
    expect(errors({ ...base, goal: null, holdoutPercent: 10 })).toEqual({ holdoutPercent: "A hold-out needs a goal to compare against." });
    expect(errors({ ...base, translations: { french: { title: "Bonjour" } } })).toEqual({ "translations.french": "“french” is not a locale code: use one like fr or pt-BR." });
    expect(errors({ ...base, translations: { fr: { title: "x".repeat(121) } } })).toEqual({ "translations.fr.title": "Title must be at most 120 characters." });
    expect(errors({ ...base, goal: { kind: "event", value: "exported", withinDays: 7 }, holdoutPercent: 50, translations: { fr: { title: "Bonjour" } } })).toEqual({});
  });

  it("stores them with the experience, pruned, and keeps them when an edit leaves them out", async () => {
    const { workspace } = await makeWorkspace();
    const goal = { kind: "url", value: "/billing/upgrade", match: "prefix", withinDays: 14 };
    const created = await createExperience(workspace.id, { ...base, goal, holdoutPercent: 20, translations: { fr: { title: "Nouveaux rapports", buttons: [{ url: "https://evil.test" }, { label: "Plus tard" }] } } });
    expect(created.ok).toBe(true);
    const id = (created as { id: string }).id;
    expect(await getExperience(workspace.id, id)).toMatchObject({ goal, holdoutPercent: 20, translations: { fr: { title: "Nouveaux rapports", buttons: [{}, { label: "Plus tard" }] } } });

    expect(await updateExperience(workspace.id, id, { ...base, name: "Renamed" })).toEqual({ ok: true, id });
    expect(await getExperience(workspace.id, id)).toMatchObject({ name: "Renamed", goal, holdoutPercent: 20 });

    expect(await updateExperience(workspace.id, id, { ...base, goal: null, holdoutPercent: 0, translations: {} })).toEqual({ ok: true, id });
    expect(await getExperience(workspace.id, id)).toMatchObject({ goal: null, holdoutPercent: 0, translations: {} });
    expect(await updateExperience(workspace.id, id, { ...base, translations: { fr: { title: "x".repeat(200) } } })).toEqual({ ok: false, fieldErrors: { "translations.fr.title": "Title must be at most 120 characters." } });
  });
});
