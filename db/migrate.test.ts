import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { db } from "@/db";

// The schema promises (DESIGN.md §2): no column may hold an IP, user agent, location or card secret.
describe("schema", () => {
  it("has every table of the data model and no forbidden column", async () => {
    const rows = await db.execute(sql`
      select table_name, column_name from information_schema.columns where table_schema = 'public'`);
    const list = (rows as unknown as { rows?: { table_name: string; column_name: string }[] }).rows ?? (rows as never);
    const tables = new Set(list.map((r) => r.table_name));
    for (const t of ["users", "workspaces", "memberships", "invitations", "end_users", "end_user_identities",
      "experiences", "segments", "experience_events", "survey_responses", "changelog_posts", "post_reactions",
      "post_view_counts", "billing_accounts", "stripe_events", "audit_log"]) {
      expect(tables.has(t), t).toBe(true);
    }
    const forbidden = /(^|_)(ip|ip_address|user_agent|browser|geo|location|country|city|card_number|cvc|cvv|exp_month|exp_year|expiry)($|_)/;
    expect(list.filter((r) => forbidden.test(r.column_name))).toEqual([]);
  });
});
