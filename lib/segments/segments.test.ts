import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { segments } from "@/db/schema";
import { createExperience, moveExperience } from "@/lib/experiences/experiences";
import { makeEndUser, makeWorkspace } from "@/lib/end-users/test-fixtures";
import { createSegment, deleteSegment, getSegment, listSegments, suggestAttributes, updateSegment } from "./segments";

const paying = {
  kind: "group",
  combinator: "and",
  children: [
    { kind: "condition", source: "attribute", attribute: "plan", operator: "equals", value: "paying" },
    { kind: "group", combinator: "or", children: [{ kind: "condition", source: "trait", attribute: "email", operator: "is_set" }] },
  ],
};

describe("segments", () => {
  it("creates, lists with usage, updates, and refuses to delete one in use", async () => {
    const { workspace } = await makeWorkspace();
    const created = await createSegment(workspace.id, { name: "Paying", description: "", rules: paying });
    expect(created.ok).toBe(true);
    const id = (created as { id: string }).id;
    expect((await getSegment(workspace.id, id))?.rules).toEqual(paying);
    expect(await updateSegment(workspace.id, id, { name: "Paying customers", rules: paying })).toEqual({ ok: true, id });

    const exp = await createExperience(workspace.id, {
      name: "Upsell",
      typed: { type: "banner", content: { body: "Upgrade!" } },
      trigger: { match: "any" },
      frequency: "once",
      priority: 0,
      segmentId: id,
    });
    const expId = (exp as { id: string }).id;
    expect((await listSegments(workspace.id)).map((s) => [s.name, s.usedBy])).toEqual([["Paying customers", 1]]);
    const refused = await deleteSegment(workspace.id, id);
    expect(refused).toEqual({ ok: false, error: "This segment is used by “Upsell”. Change their targeting first." });
    await moveExperience(workspace.id, expId, "archive");
    expect((await deleteSegment(workspace.id, id)).ok).toBe(false); // archived experiences still reference it
    expect(await getSegment(workspace.id, id)).toBeDefined();

    const unused = (await createSegment(workspace.id, { name: "Unused", rules: paying })) as { id: string };
    expect(await deleteSegment(workspace.id, unused.id)).toEqual({ ok: true });
    expect(await getSegment(workspace.id, unused.id)).toBeUndefined();
  });

  it("rejects a segment with no condition, a condition without a value, and saves nothing", async () => {
    const { workspace } = await makeWorkspace();
    expect(await createSegment(workspace.id, { name: "Empty", rules: { kind: "group", combinator: "and", children: [] } })).toEqual({
      ok: false,
      fieldErrors: { "rules.children": "Add at least one condition." },
    });
    const noValue = await createSegment(workspace.id, {
      name: "",
      rules: { kind: "group", combinator: "and", children: [{ kind: "condition", attribute: "plan", operator: "equals", value: "" }] },
    });
    expect(noValue).toEqual({ ok: false, fieldErrors: { name: "Give the segment a name.", "rules.children.0.value": "Enter a value." } });
    expect(await db.select().from(segments).where(eq(segments.workspaceId, workspace.id))).toHaveLength(0);
  });

  it("suggests the attribute keys end users actually have, most common first", async () => {
    const { workspace } = await makeWorkspace();
    await makeEndUser(workspace.id, { attributes: { plan: "free", role: "admin" } });
    await makeEndUser(workspace.id, { attributes: { plan: "paying" } });
    await makeEndUser(workspace.id);
    const other = await makeWorkspace();
    await makeEndUser(other.workspace.id, { attributes: { secret_key_of_b: 1 } });
    expect(await suggestAttributes(workspace.id)).toEqual([
      { key: "plan", users: 2 },
      { key: "role", users: 1 },
    ]);
  });

  it("reads and changes nothing through another workspace's id", async () => {
    const a = await makeWorkspace();
    const b = await makeWorkspace();
    const { id } = (await createSegment(a.workspace.id, { name: "A", rules: paying })) as { id: string };
    expect(await getSegment(b.workspace.id, id)).toBeUndefined();
    expect(await listSegments(b.workspace.id)).toEqual([]);
    expect(await updateSegment(b.workspace.id, id, { name: "Hijacked", rules: paying })).toEqual({ ok: false, notFound: true });
    expect(await deleteSegment(b.workspace.id, id)).toEqual({ ok: false, error: "Not found." });
    expect((await getSegment(a.workspace.id, id))?.name).toBe("A");
  });
});
