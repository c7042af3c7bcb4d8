import { SettingsNav } from "@/components/dashboard/settings/settings-nav";
import { Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/workspaces/membership";
import { dataCounts } from "@/lib/workspaces/settings-store";

export const metadata = { title: "Data & privacy" };

export default async function PrivacyPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, role } = await requireMember(slug);
  const c = await dataCounts(workspace.id);
  const n = (x: number) => x.toLocaleString("en");
  return (
    <>
      <PageHeader title="Data & privacy" description={`What Herald collects for ${workspace.name}, and what it never collects.`} />
      <SettingsNav slug={slug} current="/privacy" isOwner={role === "owner"} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-base font-semibold">Collected</h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-700">
            <li><strong>{n(c.endUsers)}</strong> end users, each known by a random id the SDK makes, with the first and last day seen (days, not times).</li>
            <li><strong>{n(c.anonymous)}</strong> of them are anonymous; <strong>{n(c.identified)}</strong> were identified by your app: their email, name and username are stored encrypted (AES-256-GCM).</li>
            <li>Attributes your app sends with setAttributes (like plan or role); keep personal data out of them.</li>
            <li><strong>{n(c.events)}</strong> events: views, steps, completions, dismissals and clicks of experiences.</li>
            <li><strong>{n(c.answers)}</strong> survey answers, tied to the random id only.</li>
          </ul>
        </Card>
        <Card>
          <h2 className="mb-3 text-base font-semibold">Never collected</h2>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-700">
            <li>IP addresses, user agents, browsers, devices or locations.</li>
            <li>Tracking or advertising cookies: the SDK uses local storage only for its own random id.</li>
            <li>Anything about a person before your app calls identify.</li>
          </ul>
          <h2 className="mb-2 mt-6 text-base font-semibold">People&apos;s rights</h2>
          <p className="text-sm text-slate-700">
            From a person&apos;s page under Users, owners and admins export everything held about them as JSON, or erase their identity (their answers stay, anonymously). Each view, export and erasure is written to the audit log.
          </p>
        </Card>
      </div>
    </>
  );
}
