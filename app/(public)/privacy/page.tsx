import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { operator } from "@/lib/legal/operator";
import { CodePath, LegalArticle, LegalSection, OperatorNotice } from "@/components/legal/legal-article";

export const metadata: Metadata = { title: "Privacy policy" };

export default async function PrivacyPage() {
  await connection(); // per request: operator details come from the environment, and the CSP nonce
  const op = operator();
  return (
    <LegalArticle title="Privacy policy" lead={`How ${op.name} handles personal data in this Herald installation.`}>
      <OperatorNotice missing={op.missing} />
      <LegalSection title="Who is responsible">
        <p>
          This installation of Herald is operated by <strong>{op.name}</strong>, {op.address}, {op.country}. Questions and
          requests about your data: <strong>{op.email}</strong>.
        </p>
        <p>
          For admin accounts (the people who sign in to the dashboard) the operator is the controller. For the end users of
          a customer&apos;s product, the customer who installed the SDK is the controller and the operator processes data on
          the customer&apos;s behalf and instructions.
        </p>
      </LegalSection>
      <LegalSection title="What is collected">
        <p>
          End users are anonymous by default: a random id, the pages where experiences are shown, and what they did with them
          (viewed, dismissed, completed, answered). Their name or email is stored only if the customer identifies them, and
          then only encrypted. Herald never reads, stores or logs IP addresses, user agents, browser or device details, or
          location. The full list, with the code that implements each point, is on{" "}
          <Link href="/data" className="font-medium text-brand-700 underline">What we collect</Link>.
        </p>
        <p>
          Admins: name, email address and a password hash (or the sign-in provider&apos;s account id), workspace membership,
          and a record of the actions they take on personal data. For paying workspaces: the Stripe customer and subscription
          ids and the card&apos;s brand, last four digits and cardholder name — card numbers go straight to Stripe and never
          reach Herald.
        </p>
      </LegalSection>
      <LegalSection title="Why, and on what basis">
        <ul className="list-disc space-y-1 pl-6">
          <li>To provide the service you or the customer signed up for (performance of a contract).</li>
          <li>To keep it secure and to recover from failures, with encrypted backups (legitimate interest).</li>
          <li>To bill paying workspaces and keep the records the law requires (contract; legal obligation).</li>
        </ul>
        <p>No data is sold, used for advertising, or combined with data from other sites.</p>
      </LegalSection>
      <LegalSection title="Who else receives data">
        <p>
          Stripe, Inc. processes card payments. The hosting and email providers chosen by the operator store and transmit
          data on its behalf. Nobody else receives personal data, except where the law requires it.
        </p>
      </LegalSection>
      <LegalSection title="How long it is kept">
        <p>
          Data is kept while the workspace exists. A customer can erase an identified end user at any time, which removes
          their identity and keeps only anonymous counts. Backups are deleted after 14 days, so erased data disappears from
          them within 14 days too (<CodePath>lib/backup/retention.ts</CodePath>).
        </p>
      </LegalSection>
      <LegalSection title="Your rights">
        <p>
          You may ask for access to, a copy of, correction or erasure of your personal data, restrict or object to its
          processing, and complain to a data-protection authority. End users of a customer&apos;s product should first ask
          that customer, who can export or erase their data from the dashboard; the operator will help. Write to{" "}
          <strong>{op.email}</strong>.
        </p>
      </LegalSection>
      <LegalSection title="Cookies">
        <p>
          Only functional cookies and storage keys, listed in the{" "}
          <Link href="/cookie-policy" className="font-medium text-brand-700 underline">cookie policy</Link>.
        </p>
      </LegalSection>
    </LegalArticle>
  );
}
