import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { operator } from "@/lib/legal/operator";
import { LegalArticle, LegalSection, OperatorNotice } from "@/components/legal/legal-article";

export const metadata: Metadata = { title: "Terms of service" };

export default async function TermsPage() {
  await connection(); // per request: operator details come from the environment, and the CSP nonce
  const op = operator();
  return (
    <LegalArticle title="Terms of service" lead={`The terms on which ${op.name} provides this Herald installation.`}>
      <OperatorNotice missing={op.missing} />
      <LegalSection title="The service">
        <p>
          {op.name} ({op.address}, {op.country}; contact {op.email}) provides this installation of Herald, open-source software
          for showing announcements, banners, tours, hints and surveys inside your web application and publishing a changelog.
          By creating an account you accept these terms on behalf of yourself and the workspace you create or join.
        </p>
      </LegalSection>
      <LegalSection title="Your account and workspace">
        <ul className="list-disc space-y-1 pl-6">
          <li>Keep your sign-in details secret; you are responsible for what happens under your account.</li>
          <li>Workspace owners decide who is a member and what role they have.</li>
          <li>You keep all rights to the content you publish and the data your product sends to Herald.</li>
        </ul>
      </LegalSection>
      <LegalSection title="Your end users' data">
        <p>
          When you install the SDK you are the controller of your end users&apos; data and {op.name} processes it only to
          provide the service, as described on the <Link href="/data" className="font-medium text-brand-700 underline">data page</Link>.
          You must tell your end users about it in your own privacy notice, and identify a person only where you are allowed to.
        </p>
      </LegalSection>
      <LegalSection title="Acceptable use">
        <p>
          Do not use Herald to send unlawful, deceptive or harmful content, to attack or overload the service, or to collect
          data Herald is designed not to collect (such as precise location or device fingerprints).
        </p>
      </LegalSection>
      <LegalSection title="Paid plans">
        <p>
          Paid plans are billed in advance through Stripe and renew until cancelled; cancelling stops the next renewal. Prices
          are shown before you subscribe.
        </p>
      </LegalSection>
      <LegalSection title="Availability, liability and changes">
        <p>
          The service is provided with reasonable care but without a guarantee of uninterrupted availability. Encrypted backups
          are taken daily and kept for 14 days. Liability is limited to the extent the law of {op.country} allows. Material
          changes to these terms are announced by email at least 30 days ahead.
        </p>
      </LegalSection>
      <LegalSection title="Ending">
        <p>
          You may delete your workspace at any time; its data is then deleted, and removed from backups within 14 days. The
          operator may suspend accounts that break these terms, after notice where possible.
        </p>
      </LegalSection>
    </LegalArticle>
  );
}
