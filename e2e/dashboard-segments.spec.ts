import { expect, test } from "@playwright/test";
import { signUp } from "./support/accounts";
import { query } from "./support/db";
import { insertEndUser, workspaceId } from "./support/dashboard-data";

test("an admin builds a nested segment from suggested attributes; one in use cannot be deleted", async ({ page }) => {
  page.on("dialog", (d) => d.accept());
  const admin = await signUp(page);
  const wsId = await workspaceId(admin.slug);
  await insertEndUser(wsId, { attributes: { plan: "paying", seats: 12 } });
  await insertEndUser(wsId, { attributes: { plan: "Paying", seats: "8" } });
  await insertEndUser(wsId, { attributes: { plan: "free" } });

  await page.goto(`/w/${admin.slug}/segments/new`);
  // Suggestions come from the attributes end users actually have.
  await expect(page.locator("datalist option[value=plan]")).toHaveCount(1);
  await expect(page.locator("datalist option[value=seats]")).toHaveCount(1);
  await expect(page.getByText("Complete the conditions to see how many end users match.")).toBeVisible();

  // No condition at all: refused, with the message next to the group.
  await page.getByLabel("Name", { exact: true }).fill("Big paying teams");
  await page.getByRole("button", { name: "Remove condition" }).click();
  await page.getByRole("button", { name: "Create segment" }).click();
  await expect(page.getByText("Add at least one condition.")).toBeVisible();
  expect(await query("select 1 from segments where workspace_id = $1", [wsId])).toHaveLength(0);

  await page.getByRole("button", { name: "Add condition" }).click();
  await page.getByLabel("Attribute name").fill("plan");
  await page.getByLabel("Value").fill("paying");
  // The live count runs the real rule engine (equals ignores case).
  await expect(page.getByRole("status")).toHaveText("2 of 3 end users match");
  await page.getByRole("button", { name: "Add group" }).click();
  await page.getByLabel("Attribute name").nth(1).fill("seats");
  await page.getByLabel("Operator").nth(1).selectOption("gt");
  await page.getByLabel("Value").nth(1).fill("10");
  // A numeric string attribute ("8") compares as a number: only the team of 12 is left.
  await expect(page.getByRole("status")).toHaveText("1 of 3 end users match");
  await page.getByRole("button", { name: "Create segment" }).click();
  await expect(page.getByText("Segment created.")).toBeVisible();
  const [segment] = await query<{ id: string; rules: unknown }>("select id, rules from segments where workspace_id = $1", [wsId]);
  expect(segment.rules).toEqual({
    kind: "group",
    combinator: "and",
    children: [
      { kind: "condition", source: "attribute", attribute: "plan", operator: "equals", value: "paying" },
      { kind: "group", combinator: "or", children: [{ kind: "condition", source: "attribute", attribute: "seats", operator: "gt", value: 10 }] },
    ],
  });

  // Used by an experience: delete is refused, naming it.
  await query(
    "insert into experiences (workspace_id, type, name, content, segment_id) values ($1, 'banner', 'Upsell banner', $2, $3)",
    [wsId, JSON.stringify({ body: "Upgrade", position: "top", dismissible: true, buttons: [] }), segment.id],
  );
  await page.reload();
  await expect(page.getByRole("link", { name: "Upsell banner" })).toBeVisible();
  await page.getByRole("button", { name: "Delete segment" }).click();
  await expect(page.getByText("This segment is used by “Upsell banner”. Change their targeting first.")).toBeVisible();
  expect(await query("select 1 from segments where id = $1", [segment.id])).toHaveLength(1);

  await query("update experiences set segment_id = null where workspace_id = $1", [wsId]);
  await page.reload();
  await page.getByRole("button", { name: "Delete segment" }).click();
  await expect(page.getByText("Segment deleted.")).toBeVisible();
  expect(await query("select 1 from segments where id = $1", [segment.id])).toHaveLength(0);
});
