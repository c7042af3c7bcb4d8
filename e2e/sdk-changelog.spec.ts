import { expect, test } from "@playwright/test";
import { query } from "./support/db";
import { openHost, sdkWorkspace } from "./support/sdk-host";

// herald.openChangelog() and the unread badge (init's changelogBadge: "#whats-new" on the host page).

test("the changelog drawer lists the latest posts; the unread badge counts them and clears once the drawer is opened", async ({ page }) => {
  const ws = await sdkWorkspace(page);
  await query(
    `insert into changelog_posts (workspace_id, slug, title, body, category, status, published_at) values
       ($1, 'dark-mode', 'Dark mode', 'Easier on the eyes at night.', 'New', 'published', now() - interval '1 hour'),
       ($1, 'faster-exports', 'Faster exports', 'Exports are **twice** as fast.', 'Improved', 'published', now() - interval '2 days'),
       ($1, 'not-yet', 'Not yet', 'A draft.', 'New', 'draft', null)`,
    [ws.id],
  );
  await openHost(page, ws.publicKey);
  const badge = page.locator("#whats-new .badge"); // inside the badge's own shadow root
  await expect(badge).toHaveText("2 unread");

  const whatsNew = page.locator("#whats-new");
  await whatsNew.click();
  const drawer = page.getByRole("dialog", { name: "What’s new" });
  await expect(drawer).toHaveAttribute("aria-modal", "true");
  await expect(drawer.getByRole("listitem")).toHaveCount(2);
  await expect(drawer.getByRole("listitem").first()).toContainText("Dark mode");
  await expect(drawer.getByRole("listitem").nth(1)).toContainText("Exports are twice as fast.");
  await expect(drawer.getByRole("link", { name: "Dark mode" })).toHaveAttribute("href", new RegExp(`/changelog/${ws.slug}/dark-mode$`));
  await expect(drawer.getByRole("link", { name: "Dark mode" })).toHaveAttribute("target", "_blank");
  await expect(drawer).not.toContainText("Not yet");
  await expect(badge).toHaveCount(0);
  const seenAt = Number(await page.evaluate(() => localStorage.getItem("herald.changelogSeenAt")));
  expect(Date.now() - seenAt).toBeLessThan(60_000);

  await page.keyboard.press("Escape");
  await expect(drawer).toHaveCount(0);
  await expect(whatsNew).toBeFocused();

  await openHost(page, ws.publicKey);
  await page.waitForLoadState("networkidle");
  await expect(badge).toHaveCount(0);
});
