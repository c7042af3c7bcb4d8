import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/db";
import { endUserIdentities, endUsers } from "@/db/schema";
import { makeEndUser, makeWorkspace } from "@/lib/end-users/test-fixtures";
import { countMatching } from "./match-count";
import type { TGroup } from "./rules-schema";

const byAttribute: TGroup = { kind: "group", combinator: "and", children: [{ kind: "condition", source: "attribute", attribute: "plan", operator: "equals", value: "paying" }] };
const byTrait: TGroup = { kind: "group", combinator: "and", children: [{ kind: "condition", source: "trait", attribute: "email", operator: "equals", value: "ANN@example.com" }] };

describe("countMatching", () => {
  it("counts the workspace's end users matching the rules, traits decrypted", async () => {
    const { workspace } = await makeWorkspace();
    await makeEndUser(workspace.id, { attributes: { plan: "paying" } });
    await makeEndUser(workspace.id, { attributes: { plan: "free" } });
    await makeEndUser(workspace.id, { attributes: { plan: "Paying" }, identity: { email: "ann@example.com", name: "Ann" } });
    await makeEndUser(workspace.id, { identity: { email: "bob@example.com", name: "Bob" } });
    const other = await makeWorkspace();
    await makeEndUser(other.workspace.id, { attributes: { plan: "paying" }, identity: { email: "ann@example.com", name: "Ann" } });

    expect(await countMatching(workspace.id, byAttribute)).toEqual({ matching: 2, total: 4 });
    expect(await countMatching(workspace.id, byTrait)).toEqual({ matching: 1, total: 4 });
  });

  it("decrypts identities only when a rule looks at traits", async () => {
    const { workspace } = await makeWorkspace();
    const user = await makeEndUser(workspace.id, { attributes: { plan: "paying" } });
    // A ciphertext that cannot be decrypted: reading it would throw.
    await db.insert(endUserIdentities).values({ endUserId: user.id, workspaceId: workspace.id, emailEnc: "v1.broken", keyVersion: 1 });
    expect(await countMatching(workspace.id, byAttribute)).toEqual({ matching: 1, total: 1 });
    await expect(countMatching(workspace.id, byTrait)).rejects.toThrow();
  });

  it("walks past one batch without skipping or repeating anyone", async () => {
    const { workspace } = await makeWorkspace();
    const rows = Array.from({ length: 4_500 }, (_, i) => ({ workspaceId: workspace.id, anonymousId: `anon-${randomUUID()}`, attributes: { plan: i % 3 === 0 ? "paying" : "free" } }));
    await db.insert(endUsers).values(rows);
    expect(await countMatching(workspace.id, byAttribute)).toEqual({ matching: 1_500, total: 4_500 });
  });
});
