import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { memberships, users, workspaces } from "@/db/schema";
import { uniqueEmail } from "@/test/factories";
import { checkCredentials, signUpAdmin } from "./users";

const input = (email: string) => ({ name: "Ada", email, password: "a long enough passphrase", workspaceName: "Ada Labs" });

describe("signUpAdmin", () => {
  it("creates the admin, a workspace with keys, and an owner membership", async () => {
    const email = uniqueEmail();
    const result = await signUpAdmin(input(email));
    expect(result.ok).toBe(true);
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const [m] = await db.select().from(memberships).innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId)).where(eq(memberships.userId, user.id));
    expect(m.memberships.role).toBe("owner");
    expect(m.workspaces.publicKey).toMatch(/^pk_[A-Za-z0-9]{24}$/);
    expect(m.workspaces.identitySecretEnc).toMatch(/^v1\./);
  });

  it("refuses a duplicate email and creates nothing more", async () => {
    const email = uniqueEmail();
    await signUpAdmin(input(email));
    const before = (await db.select().from(workspaces)).length;
    const again = await signUpAdmin({ ...input(email), workspaceName: "Second" });
    expect(again).toEqual({ ok: false, field: "email", error: expect.stringContaining("already exists") });
    expect((await db.select().from(workspaces)).length).toBe(before);
  });

  it("gives two workspaces with one name distinct slugs", async () => {
    const a = await signUpAdmin({ ...input(uniqueEmail()), workspaceName: "Same Name Co" });
    const b = await signUpAdmin({ ...input(uniqueEmail()), workspaceName: "Same Name Co" });
    expect(a.ok && b.ok && a.workspaceSlug !== b.workspaceSlug).toBe(true);
  });
});

describe("checkCredentials", () => {
  it("tells an unknown email from a wrong password", async () => {
    const email = uniqueEmail();
    await signUpAdmin(input(email));
    expect(await checkCredentials(email, "a long enough passphrase")).toMatchObject({ ok: true });
    expect(await checkCredentials(email, "wrong")).toMatchObject({ ok: false, field: "password" });
    expect(await checkCredentials(uniqueEmail(), "whatever")).toMatchObject({ ok: false, field: "email" });
  });
});
