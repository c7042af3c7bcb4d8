import { IdentityToggle, RotateSecretForm } from "@/components/dashboard/settings/settings-forms";
import { SettingsNav } from "@/components/dashboard/settings/settings-nav";
import { Card, PageHeader } from "@/components/ui/card";
import { MANAGERS, requireMember } from "@/lib/workspaces/membership";
import { identitySecretHint } from "@/lib/workspaces/settings-store";
import { identityVerificationAction, rotateSecretAction } from "../actions";

export const metadata = { title: "Identity verification" };

const EXAMPLES: { lang: string; code: string }[] = [
  {
    lang: "Node.js",
    code: `import { createHmac } from "node:crypto";
const userHash = createHmac("sha256", process.env.HERALD_IDENTITY_SECRET)
  .update(String(user.id)).digest("hex");`,
  },
  {
    lang: "Python",
    code: `import hmac, hashlib, os
user_hash = hmac.new(os.environ["HERALD_IDENTITY_SECRET"].encode(),
                     str(user.id).encode(), hashlib.sha256).hexdigest()`,
  },
  {
    lang: "Ruby",
    code: `require "openssl"
user_hash = OpenSSL::HMAC.hexdigest("SHA256", ENV.fetch("HERALD_IDENTITY_SECRET"), user.id.to_s)`,
  },
  {
    lang: "PHP",
    code: `$userHash = hash_hmac('sha256', (string) $user->id, getenv('HERALD_IDENTITY_SECRET'));`,
  },
];

export default async function IdentityPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, role } = await requireMember(slug);
  const canEdit = MANAGERS.includes(role);
  const hint = await identitySecretHint(workspace.id);
  return (
    <>
      <PageHeader title="Identity verification" description="Prove that identify calls come from your app, so nobody can claim to be one of your users." />
      <SettingsNav slug={slug} current="/identity" isOwner={role === "owner"} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-2 text-base font-semibold">Status</h2>
          <p className="mb-4 text-sm" role="status">
            Identity verification is <strong data-testid="identity-status">{workspace.identityVerification ? "on" : "off"}</strong>.
            {workspace.identityVerification ? " identify calls must carry userHash = HMAC-SHA256(userId, secret)." : " Any identify call is accepted."}
          </p>
          {canEdit ? <IdentityToggle action={identityVerificationAction} workspace={slug} enabled={workspace.identityVerification} /> : null}
        </Card>
        <Card>
          <h2 className="mb-2 text-base font-semibold">Secret</h2>
          <p className="mb-4 text-sm text-slate-600">
            Keep it on your server only. The current one ends in <code className="font-mono">…{hint}</code>. Rotating shows the new secret once.
          </p>
          {canEdit ? <RotateSecretForm action={rotateSecretAction} workspace={slug} /> : null}
        </Card>
      </div>
      <Card className="mt-6">
        <h2 className="mb-2 text-base font-semibold">Compute the hash on your server</h2>
        <p className="mb-4 text-sm text-slate-600">
          Then call <code className="font-mono">herald.identify(user.id, {"{ email, name }"}, {"{ userHash }"})</code> in the page.
        </p>
        <div className="space-y-4">
          {EXAMPLES.map((e) => (
            <div key={e.lang}>
              <h3 className="mb-1 text-sm font-medium text-slate-700">{e.lang}</h3>
              <pre tabIndex={0} aria-label={`${e.lang} example`} className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100"><code>{e.code}</code></pre>
            </div>
          ))}
        </div>
      </Card>
    </>
  );
}
