import { describe, expect, it } from "vitest";
import { makeWorkspace } from "@/lib/end-users/test-fixtures";
import { endUserCounts } from "@/lib/end-users/end-users";
import { listExperiences } from "./list";
import { listSurveys } from "@/lib/surveys/surveys";
import { seedDashboardDemo } from "./demo-seed";

describe("dashboard demo seed", () => {
  it("creates experiences, end users and answers once, however often it runs", async () => {
    const { workspace } = await makeWorkspace();
    await seedDashboardDemo({ workspaceId: workspace.id });
    await seedDashboardDemo({ workspaceId: workspace.id });
    expect((await listExperiences(workspace.id)).total).toBe(3);
    expect(await endUserCounts(workspace.id)).toEqual({ total: 24, identified: 3, anonymous: 21 });
    expect((await listSurveys(workspace.id))[0].respondents).toBe(18);
  });
});
