import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "./password";
import { createWorkspace } from "@/lib/workspaces/workspaces";
import type { TSignUp } from "./schemas";

export type SignUpResult = { ok: true; userId: string; workspaceSlug: string } | { ok: false; field: "email"; error: string };

export async function findUserByEmail(email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return user;
}

/** Creates the admin and their first workspace (as owner) in one transaction. */
export async function signUpAdmin(input: TSignUp): Promise<SignUpResult> {
  if (await findUserByEmail(input.email)) {
    return { ok: false, field: "email", error: "An account with this email already exists. Sign in instead." };
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ name: input.name, email: input.email, passwordHash })
        .returning({ id: users.id });
      const workspace = await createWorkspace(tx, { name: input.workspaceName, ownerId: user.id });
      return { ok: true as const, userId: user.id, workspaceSlug: workspace.slug };
    });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides, the loser gets the same message.
    if (String((error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code) === "23505") {
      return { ok: false, field: "email", error: "An account with this email already exists. Sign in instead." };
    }
    throw error;
  }
}

export type CredentialCheck = { ok: true; userId: string } | { ok: false; field: "email" | "password"; error: string };

export async function checkCredentials(email: string, password: string): Promise<CredentialCheck> {
  const user = await findUserByEmail(email);
  if (!user) return { ok: false, field: "email", error: "No account uses this email. Check it, or sign up." };
  if (!user.passwordHash) {
    return { ok: false, field: "password", error: "This account signs in with an email link or a provider, not a password." };
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    return { ok: false, field: "password", error: "Wrong password. Try again, or sign in with an email link." };
  }
  return { ok: true, userId: user.id };
}

export async function findUserById(id: string) {
  const [user] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, id)).limit(1);
  return user;
}
