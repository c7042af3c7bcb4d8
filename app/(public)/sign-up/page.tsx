import Link from "next/link";
import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { signUp } from "./actions";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ invite?: string }> }) {
  const { invite } = await searchParams;
  return (
    <AuthCard title="Create your Herald workspace" subtitle={<>Already have an account? <Link className="font-medium text-brand-700 hover:underline" href="/sign-in">Sign in</Link></>}>
      <SignUpForm action={signUp} invite={invite} />
    </AuthCard>
  );
}
