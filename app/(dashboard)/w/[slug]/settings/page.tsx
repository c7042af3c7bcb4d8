import { CopyButton } from "@/components/dashboard/settings/copy-button";
import { GeneralForm, LocaleForm } from "@/components/dashboard/settings/settings-forms";
import { SettingsNav } from "@/components/dashboard/settings/settings-nav";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { MANAGERS, requireMember } from "@/lib/workspaces/membership";
import { readSettings } from "@/lib/workspaces/settings";
import { updateGeneralAction, updateLocaleAction } from "./actions";

export const metadata = { title: "Settings" };

/** The install snippet: a queue so calls made before /sdk.js loads are kept (DESIGN.md §3). */
function snippet(appUrl: string, key: string): string {
  return `<script>
  window.herald = window.herald || { q: [] };
  ["init", "identify", "setAttributes", "track", "reset", "openChangelog"].forEach(function (m) {
    window.herald[m] = window.herald[m] || function () { window.herald.q.push([m, arguments]); };
  });
  herald.init({ key: "${key}" });
</script>
<script async src="${appUrl}/sdk.js"></script>`;
}

export default async function SettingsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { slug } = await params;
  const { workspace, role } = await requireMember(slug);
  const code = snippet(process.env.APP_URL ?? "http://localhost:3000", workspace.publicKey);
  const lastSeen = workspace.sdkLastSeenAt;
  return (
    <>
      <PageHeader title="Settings" description={MANAGERS.includes(role) ? undefined : "You can read these settings; owners and admins change them."} />
      <SettingsNav slug={slug} current="" isOwner={role === "owner"} />
      {(await searchParams).saved ? <div className="mb-4"><Alert tone="success">Saved. The workspace has a new address.</Alert></div> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-4 text-base font-semibold">Workspace</h2>
          <GeneralForm action={updateGeneralAction} workspace={slug} name={workspace.name} canEdit={MANAGERS.includes(role)} />
          <h2 className="mb-4 mt-8 text-base font-semibold">Language</h2>
          <LocaleForm action={updateLocaleAction} workspace={slug} defaultLocale={readSettings(workspace.settings).defaultLocale} canEdit={MANAGERS.includes(role)} />
        </Card>
        <Card>
          <h2 className="mb-2 text-base font-semibold">Install Herald</h2>
          <p className="mb-3 text-sm text-slate-600">Paste this before the closing &lt;/body&gt; tag of your app. Public key: <code className="font-mono">{workspace.publicKey}</code></p>
          <pre tabIndex={0} aria-label="Install snippet" className="mb-3 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100" data-testid="install-snippet"><code>{code}</code></pre>
          <CopyButton text={code} label="Copy snippet" />
          <p role="status" className="mt-4 text-sm">
            {lastSeen ? (
              <span className="text-green-800">Installed: the SDK last reached Herald on {lastSeen.toISOString().slice(0, 16).replace("T", " ")} UTC.</span>
            ) : (
              <span className="text-amber-900">Not seen yet: no request from the SDK has reached Herald. Reload this page after installing.</span>
            )}
          </p>
        </Card>
      </div>
    </>
  );
}
