import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { query } from "./support/db";
import { eventTypes, invalidateSdkCache, liveExperience, openHost, sdkWorkspace } from "./support/sdk-host";

// The resource center on the customer's page (e2e/host/): opened from a floating launcher and from a
// host element, it gathers the changelog, the checklist, a tour to take again and help links, with a
// search, as an accessible dialog inside the SDK's shadow root.

const CENTER = {
  title: "Help center",
  launcher: { kind: "floating" },
  sections: [
    { title: "Guides", links: [{ label: "Exporting reports", url: "https://docs.example.com/export", description: "CSV and PDF exports" }, { label: "Sharing dashboards", url: "https://docs.example.com/share" }] },
    { title: "Account", links: [{ label: "Billing FAQ", url: "https://docs.example.com/billing", description: "Invoices and receipts" }] },
  ],
};

/** Serious or critical axe violations inside Herald's shadow root (the host page is not ours to judge). */
async function heraldViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  const inHerald = (n: { target: unknown }) => JSON.stringify(n.target).includes("herald-root");
  expect(results.passes.some((r) => r.nodes.some(inHerald)), "axe looked inside the shadow root").toBe(true);
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.filter(inHerald).map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
}

test("the resource center opens from its launcher with the changelog, the checklist, a tour to restart and help links; search filters; no axe violations", async ({ page }) => {
  const ws = await sdkWorkspace(page);
  await query(
    `insert into changelog_posts (workspace_id, slug, title, body, category, status, published_at) values ($1, 'dark-mode', 'Dark mode', 'Easier on the eyes at night.', 'New', 'published', now() - interval '1 hour')`,
    [ws.id],
  );
  const tour = await liveExperience(ws.id, {
    type: "tour",
    priority: 9,
    content: { title: "Dashboard tour", steps: [{ id: "one", selector: "#step-one", title: "Create your first dashboard", body: "Start here.", placement: "bottom" }] },
  });
  await liveExperience(ws.id, {
    type: "checklist",
    content: { title: "Get started", tasks: [{ id: "guide", label: "Read the guide", completeWhen: { kind: "click" } }] },
  });
  const center = await liveExperience(ws.id, { type: "resource_center", content: CENTER });

  await openHost(page, ws.publicKey);
  // The tour shows by itself once; skipped, it can still be taken again from the resource center.
  await expect(page.getByRole("dialog", { name: "Create your first dashboard" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Create your first dashboard" })).toHaveCount(0);

  const launcher = page.getByRole("button", { name: "Help center" });
  await expect(launcher).toHaveAttribute("aria-expanded", "false");
  await launcher.click();
  const panel = page.getByRole("dialog", { name: "Help center" });
  await expect(panel).toHaveAttribute("aria-modal", "true");
  await expect(launcher).toHaveAttribute("aria-expanded", "true");
  const search = panel.getByRole("searchbox", { name: "Search help" });
  await expect(search).toBeFocused();
  await expect(panel.getByRole("region", { name: "What’s new" }).getByRole("link", { name: "Dark mode" })).toBeVisible();
  await expect(panel.getByRole("region", { name: "Checklists" })).toContainText("Get started");
  await expect(panel.getByRole("region", { name: "Checklists" })).toContainText("0 of 1 done");
  await expect(panel.getByRole("region", { name: "Tours" }).getByRole("button", { name: "Dashboard tour" })).toBeVisible();
  await expect(panel.getByRole("link", { name: "Exporting reports" })).toHaveAttribute("href", "https://docs.example.com/export");
  expect(await heraldViolations(page)).toEqual([]);

  // Search: the words of a link's label or description; other items and emptied sections hide.
  await search.fill("invoices");
  await expect(panel.getByRole("link", { name: "Billing FAQ" })).toBeVisible();
  await expect(panel.getByRole("link", { name: "Exporting reports" })).toBeHidden();
  await expect(panel.getByRole("region", { name: "Tours" })).toBeHidden();
  await expect(panel.getByRole("status")).toHaveText("1 result");
  await search.fill("zebra");
  await expect(panel.getByText("Nothing matches your search.")).toBeVisible();
  await search.fill("");
  await expect(panel.getByRole("link", { name: "Exporting reports" })).toBeVisible();

  // Keyboard: Tab stays inside, Escape closes and gives focus back to the launcher.
  for (let i = 0; i < 12; i++) await page.keyboard.press("Tab");
  expect(await page.evaluate(() => Boolean(document.querySelector("herald-root")?.shadowRoot?.activeElement?.closest("[role=dialog]")))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(launcher).toBeFocused();
  await expect(launcher).toHaveAttribute("aria-expanded", "false");

  // The tour starts again from the panel.
  await launcher.click();
  await panel.getByRole("button", { name: "Dashboard tour" }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByRole("dialog", { name: "Create your first dashboard" })).toBeVisible();
  await page.getByRole("dialog", { name: "Create your first dashboard" }).getByRole("button", { name: "Done" }).click();
  // One view per page view, however often it is started.
  await expect.poll(() => eventTypes(tour)).toEqual(["complete", "dismiss", "step:0", "step:0", "view"]);
  // Opening the panel counts as seeing the resource center.
  await expect.poll(() => query("select type from experience_events where experience_id = $1", [center])).toEqual([{ type: "view" }]);
});

test("a resource center opened from an element of the host page", async ({ page }) => {
  const ws = await sdkWorkspace(page);
  await liveExperience(ws.id, { type: "resource_center", content: { ...CENTER, launcher: { kind: "element", selector: "#support" }, showChangelog: false } });
  await openHost(page, ws.publicKey);
  await expect(page.getByRole("button", { name: "Help center" })).toHaveCount(0); // no floating button
  const support = page.getByRole("button", { name: "Support" });
  await support.click();
  const panel = page.getByRole("dialog", { name: "Help center" });
  await expect(panel).toBeVisible();
  await expect(support).toHaveAttribute("aria-expanded", "true");
  await expect(panel.getByRole("region", { name: "What’s new" })).toHaveCount(0);
  await panel.getByRole("searchbox", { name: "Search help" }).fill("sharing");
  await expect(panel.getByRole("link", { name: "Sharing dashboards" })).toBeVisible();
  await expect(panel.getByRole("link", { name: "Billing FAQ" })).toBeHidden();
  expect(await heraldViolations(page)).toEqual([]);
  await panel.getByRole("button", { name: "Close" }).click();
  await expect(panel).toBeHidden();
  await expect(support).toBeFocused();

  // Paused: the launcher stops working at the next page view.
  await query("update experiences set status = 'paused' where workspace_id = $1", [ws.id]);
  await invalidateSdkCache(ws.id);
  await openHost(page, ws.publicKey);
  await support.click();
  await expect(panel).toHaveCount(0);
});
