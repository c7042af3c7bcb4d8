import { AuthCard } from "@/components/auth/auth-card";

export const metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  return (
    <AuthCard title="Check your email">
      <p className="text-sm text-slate-700">We sent you a sign-in link. It works once and expires in 24 hours.</p>
    </AuthCard>
  );
}
