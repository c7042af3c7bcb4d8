import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { endUsers, experiences, users } from "@/db/schema";
import { createWorkspace } from "@/lib/workspaces/workspaces";
import { parseBillingConfig } from "./config";
import { overLimits, planThatFits, workspaceUsage } from "./usage";

const { plans } = parseBillingConfig({ STRIPE_PRICE_PRO: "price_pro", STRIPE_PRICE_BUSINESS: "price_business" });
const [free, pro, business] = plans;

describe("plan limits", () => {
  it("lists the limits a usage exceeds and the first plan that fits", () => {
    const usage = { monthlyActiveUsers: 1_500, liveExperiences: 2 };
    expect(overLimits(free, usage)).toEqual([{ metric: "monthlyActiveUsers", label: "monthly active end users", used: 1_500, limit: 1_000 }]);
    expect(overLimits(pro, usage)).toEqual([]);
    expect(planThatFits(plans, usage)?.id).toBe("pro");
    expect(overLimits(business, { monthlyActiveUsers: 0, liveExperiences: 10_000 })).toEqual([]);
  });

  it("counts end users seen in the last 30 days and live experiences, in this workspace only", async () => {
    const [user] = await db.insert(users).values({ email: `usage-${crypto.randomUUID()}@example.test` }).returning();
    const [mine, other] = await db.transaction(async (tx) => [
      await createWorkspace(tx, { name: "Usage Co", ownerId: user.id }),
      await createWorkspace(tx, { name: "Other Co", ownerId: user.id }),
    ]);
    const old = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    await db.insert(endUsers).values([
      { workspaceId: mine.id, anonymousId: "a1" },
      { workspaceId: mine.id, anonymousId: "a2", lastSeenDay: old, firstSeenDay: old },
      { workspaceId: other.id, anonymousId: "a3" },
    ]);
    await db.insert(experiences).values([
      { workspaceId: mine.id, type: "banner", name: "Live", status: "live", content: {} },
      { workspaceId: mine.id, type: "banner", name: "Draft", status: "draft", content: {} },
      { workspaceId: other.id, type: "banner", name: "Other", status: "live", content: {} },
    ]);
    expect(await workspaceUsage(mine.id)).toEqual({ monthlyActiveUsers: 1, liveExperiences: 1 });
  });
});
