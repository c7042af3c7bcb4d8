import Link from "next/link";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-white">
      <header className="border-b border-slate-200">
        <div className="mx-auto flex max-w-5xl items-center justify-between px-6 py-4">
          <Link href="/" className="text-lg font-bold tracking-tight text-brand-700">
            Herald
          </Link>
          <nav aria-label="Account" className="flex gap-4 text-sm font-medium text-slate-700">
            <Link href="/sign-in" className="hover:text-brand-700">Sign in</Link>
            <Link href="/sign-up" className="hover:text-brand-700">Sign up</Link>
          </nav>
        </div>
      </header>
      <main className="flex-1">{children}</main>
      <footer className="border-t border-slate-200">
        <nav aria-label="Legal" className="mx-auto flex max-w-5xl flex-wrap gap-4 px-6 py-6 text-sm text-slate-600">
          <span>Herald · privacy-first product adoption</span>
          <Link href="/privacy" className="hover:text-brand-700">Privacy</Link>
          <Link href="/terms" className="hover:text-brand-700">Terms</Link>
          <Link href="/cookie-policy" className="hover:text-brand-700">Cookie policy</Link>
          <Link href="/data" className="hover:text-brand-700">What we collect</Link>
        </nav>
      </footer>
    </div>
  );
}
