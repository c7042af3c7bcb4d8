import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { experiences } from "@/db/schema";
import { ZTypedContent } from "./content";
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
    const all = await listExperiences(workspace.id);
    expect(all.rows.map((e) => e.type).sort()).toEqual(["announcement", "checklist", "resource_center", "survey", "tour"]);
    // The SDK API skips content that does not validate: every demo experience must.
    for (const e of await db.select().from(experiences).where(eq(experiences.workspaceId, workspace.id))) {
      expect(ZTypedContent.safeParse({ type: e.type, content: e.content }).success, e.name).toBe(true);
    }
    expect(await endUserCounts(workspace.id)).toEqual({ total: 24, identified: 3, anonymous: 21 });
    expect((await listSurveys(workspace.id))[0].respondents).toBe(18);
  });
});
