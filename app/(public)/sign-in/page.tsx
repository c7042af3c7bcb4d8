import Link from "next/link";
import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { EmailLinkForm, PasswordSignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { enabledProviders } from "@/lib/auth/auth";
import { signInWithEmailLink, signInWithPassword, signInWithProvider } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Ask for a new one.",
  OAuthAccountNotLinked: "This email already has an account. Sign in the way you used before.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { callbackUrl, error } = await searchParams;
  const providers = enabledProviders();
  return (
    <AuthCard title="Sign in to Herald" subtitle={<>New here? <Link className="font-medium text-brand-700 hover:underline" href="/sign-up">Create a workspace</Link></>}>
      <div className="space-y-6">
        {error ? <Alert>{ERRORS[error] ?? "Sign-in failed. Please try again."}</Alert> : null}
        <PasswordSignInForm action={signInWithPassword} callbackUrl={callbackUrl} />
        {providers.email || providers.github || providers.google ? (
          <div className="space-y-3 border-t border-slate-200 pt-6">
            {providers.email ? <EmailLinkForm action={signInWithEmailLink} callbackUrl={callbackUrl} /> : null}
            {(["github", "google"] as const)
              .filter((p) => providers[p])
              .map((p) => (
                <form key={p} action={signInWithProvider}>
                  <input type="hidden" name="provider" value={p} />
                  <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
                  <Button type="submit" variant="secondary" className="w-full">
                    Continue with {p === "github" ? "GitHub" : "Google"}
                  </Button>
                </form>
              ))}
          </div>
        ) : null}
      </div>
    </AuthCard>
  );
}
