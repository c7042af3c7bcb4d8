import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Herald", template: "%s · Herald" },
  description: "Privacy-first product adoption: announcements, tours, surveys and a public changelog.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request so that Next.js can put proxy.ts's CSP nonce on its scripts
  // (a prerendered page has no nonce, and the strict policy would block its scripts).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
