import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import type { Role } from "@/db/schema";
import { currentUserId } from "@/lib/auth/auth";
import { findMembership } from "./workspaces";

export type MemberContext = NonNullable<Awaited<ReturnType<typeof findMembership>>> & { userId: string };

/**
 * The one gate for dashboard code: the signed-in admin's membership of the workspace `slug`.
 * Signed out → sign-in; not a member, or the workspace does not exist → 404 (the same answer, so
 * nothing leaks); a role not in `roles` → 404 as well. Cached per request.
 */
export const requireMember = cache(async (slug: string, roles?: readonly Role[]): Promise<MemberContext> => {
  const userId = await currentUserId();
  if (!userId) redirect("/sign-in");
  const membership = await findMembership(userId, slug);
  if (!membership || (roles && !roles.includes(membership.role))) notFound();
  return { ...membership, userId };
});

export const MANAGERS: readonly Role[] = ["owner", "admin"];
export const OWNERS: readonly Role[] = ["owner"];
