import { ButtonLink } from "@/components/ui/button";

export default function HomePage() {
  return (
    <section className="mx-auto max-w-3xl px-6 py-24 text-center">
      <h1 className="text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">Guide your users, not track them.</h1>
      <p className="mt-6 text-lg text-slate-600">
        Herald shows announcements, banners, tours, hints and surveys inside your web app and publishes your changelog —
        self-hosted, anonymous by default, with personal data only after you identify a user.
      </p>
      <div className="mt-10 flex justify-center gap-3">
        <ButtonLink href="/sign-up">Create a workspace</ButtonLink>
        <ButtonLink href="/sign-in" variant="secondary">Sign in</ButtonLink>
      </div>
    </section>
  );
}
