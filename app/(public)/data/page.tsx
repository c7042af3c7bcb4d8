import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { operator } from "@/lib/legal/operator";
import { CodePath, LegalArticle, LegalSection, OperatorNotice } from "@/components/legal/legal-article";

export const metadata: Metadata = { title: "What we collect" };

// Each statement names the code that makes it true, so that anyone can check it in this repository.
export default async function DataPage() {
  await connection(); // per request: operator details come from the environment, and the CSP nonce
  const op = operator();
  return (
    <LegalArticle
      title="What we collect"
      lead="Exactly what Herald stores about the people who see your in-app experiences, about admins, and about payments — and where in the code each promise is kept."
    >
      <OperatorNotice missing={op.missing} />
      <LegalSection title="Never collected">
        <p>
          Herald never reads, stores or logs an IP address, user agent, browser or device details, or location. No code reads
          the <CodePath>x-forwarded-for</CodePath>, <CodePath>x-real-ip</CodePath>, <CodePath>user-agent</CodePath> or geo
          headers, and the database has no column for them: the schema test <CodePath>db/migrate.test.ts</CodePath> fails if
          one appears in <CodePath>db/schema.ts</CodePath>. Logs go through <CodePath>lib/log.ts</CodePath>, which removes
          fields named like personal data or secrets and masks email and IP addresses.
        </p>
      </LegalSection>
      <LegalSection title="Anonymous end users (the default)">
        <p>When a customer&apos;s product loads the Herald SDK, Herald stores:</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            a random id drawn by the SDK in the browser (<CodePath>herald.anonymousId</CodePath> in local storage, see the{" "}
            <Link href="/cookie-policy" className="font-medium text-brand-700 underline">cookie policy</Link>), kept in{" "}
            <CodePath>end_users.anonymous_id</CodePath>;
          </li>
          <li>
            non-personal attributes the customer chooses to send, such as a plan or role (<CodePath>end_users.attributes</CodePath>);
          </li>
          <li>the day (not the time) the person was first and last seen (<CodePath>end_users.first_seen_day</CodePath>, <CodePath>last_seen_day</CodePath>);</li>
          <li>
            what they did with an experience — viewed, stepped through, completed, dismissed, clicked, voted — with the time
            (<CodePath>experience_events</CodePath>), and survey answers (<CodePath>survey_responses</CodePath>);
          </li>
          <li>
            on the public changelog: reactions under a random voter id (<CodePath>post_reactions</CodePath>,{" "}
            <CodePath>herald.voterId</CodePath>) and one view counter per post and day (<CodePath>post_view_counts</CodePath>) —
            no per-person record of who read what.
          </li>
        </ul>
        <p>None of this names a person. All of it belongs to one workspace and is only visible to its members.</p>
      </LegalSection>
      <LegalSection title="Only after a customer identifies someone">
        <p>
          If the customer calls <CodePath>herald.identify(userId, traits)</CodePath>, Herald links the random id to the
          customer&apos;s own user id (<CodePath>end_users.external_id</CodePath>) and stores the email, name and username they
          send <strong>encrypted</strong> with AES-256-GCM under the installation&apos;s data key
          (<CodePath>lib/crypto/data-encryption.ts</CodePath>, table <CodePath>end_user_identities</CodePath>). To find a person
          by email without decrypting everyone, Herald keeps a keyed HMAC of the email (a blind index), not the email. With
          identity verification on, an identify call must carry an HMAC of the user id made with the workspace&apos;s secret.
        </p>
        <p>
          Erasing an identified person deletes their identity and leaves only anonymous counts. Viewing, exporting and erasing
          personal data are recorded in <CodePath>audit_log</CodePath>.
        </p>
      </LegalSection>
      <LegalSection title="Admins">
        <p>
          Name, email address and a password hash made with Argon2 (<CodePath>lib/auth/password.ts</CodePath>) or the account id
          from GitHub or Google, plus workspace memberships and roles. The sign-in session is an encrypted, HttpOnly cookie
          (<CodePath>lib/auth/auth.ts</CodePath>).
        </p>
      </LegalSection>
      <LegalSection title="Card payments">
        <p>
          Card details are typed into Stripe&apos;s own fields (served from <CodePath>https://js.stripe.com</CodePath>) and go
          straight to Stripe; they never pass through Herald. From Stripe, Herald keeps only the card brand, the last four
          digits and the cardholder name, with the Stripe customer and subscription ids and the plan
          (<CodePath>billing_accounts</CodePath> in <CodePath>db/schema.ts</CodePath>). There is no column for a card number,
          expiry date or security code, and the schema test fails if one is added. Stripe&apos;s webhooks are accepted only with
          a valid signature.
        </p>
      </LegalSection>
      <LegalSection title="Backups">
        <p>
          The whole database is backed up with <CodePath>npm run backup</CodePath> (<CodePath>scripts/backup.ts</CodePath>,{" "}
          <CodePath>lib/backup/</CodePath>), daily. The dump is compressed and encrypted with AES-256-GCM under a separate
          backup key while it is written, in authenticated chunks (<CodePath>lib/backup/cipher.ts</CodePath>), so no plaintext
          copy is ever stored. Each backup has a manifest with its size, SHA-256 checksum and schema version; a restore checks
          the checksum and the key before touching any database. Backups older than 14 days are deleted
          (<CodePath>lib/backup/retention.ts</CodePath>), so data erased today is gone from every backup within 14 days.
        </p>
      </LegalSection>
      <LegalSection title="Questions">
        <p>
          Ask {op.name} at <strong>{op.email}</strong>. The{" "}
          <Link href="/privacy" className="font-medium text-brand-700 underline">privacy policy</Link> explains your rights.
        </p>
      </LegalSection>
    </LegalArticle>
  );
}
