import { describe, expect, it } from "vitest";
import { doneTasks, referencedExperiences, taskDone, taskReportable, tasksForTrack, type TTask } from "./checklist";
import { ZChecklistContent, type TChecklistContent } from "./content";

const TOUR = "00000000-0000-4000-8000-000000000001";
const SURVEY = "00000000-0000-4000-8000-000000000002";

const checklist: TChecklistContent = ZChecklistContent.parse({
  title: "Get started",
  tasks: [
    { id: "export", label: "Export a report", completeWhen: { kind: "event", name: "exported-report" } },
    { id: "tour", label: "Take the tour", completeWhen: { kind: "experience_completed", experienceId: TOUR }, action: { kind: "start_tour", experienceId: TOUR } },
    { id: "settings", label: "Visit settings", completeWhen: { kind: "url", match: "prefix", url: "/settings" }, action: { kind: "link", url: "/settings" } },
    { id: "read", label: "Read the guide", completeWhen: { kind: "click" }, action: { kind: "link", url: "https://docs.example.com" } },
    { id: "survey", label: "Tell us", completeWhen: { kind: "experience_completed", experienceId: SURVEY } },
  ],
});
const facts = (recorded: string[], completed: string[] = []) => ({ recorded: new Set(recorded), completedExperiences: new Set(completed) });

describe("checklist progress", () => {
  it("counts recorded tasks, and experience tasks once that experience was completed, in the checklist's order", () => {
    expect(doneTasks(checklist, facts([]))).toEqual([]);
    expect(doneTasks(checklist, facts(["read", "export"]))).toEqual(["export", "read"]);
    expect(doneTasks(checklist, facts(["export"], [TOUR]))).toEqual(["export", "tour"]);
    // A recorded id of a task that no longer exists is ignored; an unrelated completion changes nothing.
    expect(doneTasks(checklist, facts(["gone"], ["00000000-0000-4000-8000-00000000000f"]))).toEqual([]);
  });

  it("a recorded event task is done whatever its kind; a completion counts only for experience tasks", () => {
    const [eventTask] = checklist.tasks as TTask[];
    expect(taskDone(eventTask, facts(["export"]))).toBe(true);
    expect(taskDone(eventTask, facts([], [TOUR]))).toBe(false);
  });

  it("accepts task reports from the browser only for URL and click tasks of this checklist", () => {
    expect(taskReportable(checklist, "settings")).toBe(true);
    expect(taskReportable(checklist, "read")).toBe(true);
    expect(taskReportable(checklist, "export")).toBe(false); // decided by the server from the tracked event
    expect(taskReportable(checklist, "tour")).toBe(false); // decided by the server from the tour's completion
    expect(taskReportable(checklist, "nope")).toBe(false);
  });

  it("finds the event tasks of every checklist that a tracked name completes, by exact name", () => {
    const other = ZChecklistContent.parse({ title: "More", tasks: [{ id: "x", label: "X", completeWhen: { kind: "event", name: "exported-report" } }] });
    const lists = [{ id: "a", content: checklist }, { id: "b", content: other }];
    expect(tasksForTrack(lists, "exported-report")).toEqual([{ experienceId: "a", taskId: "export" }, { experienceId: "b", taskId: "x" }]);
    expect(tasksForTrack(lists, "Exported-Report")).toEqual([]);
  });

  it("lists the experiences it waits for or starts, once each", () => {
    expect(referencedExperiences(checklist)).toEqual([TOUR, SURVEY]);
  });
});
