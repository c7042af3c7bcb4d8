// URL goals and checklist URL tasks are decided in the browser: only ids leave it, goals once per page
// view, each task once.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { TResolveResponse } from "@/lib/sdk-protocol";

const sent: unknown[] = [];
vi.mock("./transport", () => ({ enqueue: (e: unknown) => sent.push(e) }));
const { clearUrlEvents, urlEvents } = await import("./url-events");

const GOAL = "00000000-0000-4000-8000-000000000001";
const LIST = "00000000-0000-4000-8000-000000000002";
function answer(): TResolveResponse {
  return {
    goals: [{ experienceId: GOAL, match: "glob", url: "/reports/**" }],
    experiences: [
      {
        id: LIST,
        type: "checklist",
        frequency: "once",
        priority: 0,
        done: [],
        content: {
          title: "Start",
          celebration: "Done",
          tasks: [
            { id: "team", label: "Team", completeWhen: { kind: "url", match: "prefix", url: "/settings/team" } },
            { id: "click", label: "Click", completeWhen: { kind: "click" } },
          ],
        },
      },
    ],
    theme: { primaryColor: "#000", textColor: "#000", backgroundColor: "#fff" },
    changelog: { latestPublishedAt: null },
  };
}

beforeEach(() => {
  sent.length = 0;
  clearUrlEvents();
});

describe("urlEvents", () => {
  it("sends a goal once per page view and never the URL", () => {
    urlEvents(answer(), "https://app.example/reports/q3?x=1");
    urlEvents(answer(), "https://app.example/reports/q3?x=1"); // a second resolve of the same page view
    expect(sent).toEqual([{ type: "goal", experienceId: GOAL }]);
    urlEvents(answer(), "https://app.example/home");
    urlEvents(answer(), "https://app.example/reports"); // a new page view that matches again
    expect(sent).toEqual([{ type: "goal", experienceId: GOAL }, { type: "goal", experienceId: GOAL }]);
    expect(JSON.stringify(sent)).not.toContain("reports");
  });

  it("marks a checklist's URL task done and sends it once, leaving other kinds alone", () => {
    const a = answer();
    urlEvents(a, "https://app.example/settings/team/invite");
    expect(a.experiences[0].done).toEqual(["team"]);
    const b = answer();
    urlEvents(b, "https://app.example/settings/team");
    expect(b.experiences[0].done).toEqual(["team"]); // shown as done again, not sent again
    expect(sent).toEqual([{ type: "task", experienceId: LIST, taskId: "team" }]);
    const c = answer();
    c.experiences[0].done = ["team"];
    urlEvents(c, "https://app.example/settings/teams");
    expect(sent).toHaveLength(1);
  });
});
