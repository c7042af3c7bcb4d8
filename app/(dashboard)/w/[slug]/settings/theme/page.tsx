import { LimitsForm, ThemeForm } from "@/components/dashboard/settings/settings-forms";
import { SettingsNav } from "@/components/dashboard/settings/settings-nav";
import { Card, PageHeader } from "@/components/ui/card";
import { MANAGERS, requireMember } from "@/lib/workspaces/membership";
import { readSettings } from "@/lib/workspaces/settings";
import { updateLimitsAction, updateThemeAction } from "../actions";

export const metadata = { title: "Theme" };

export default async function ThemePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, role } = await requireMember(slug);
  const { theme, limits } = readSettings(workspace.settings);
  const canEdit = MANAGERS.includes(role);
  return (
    <>
      <PageHeader title="Theme" description="The colours of announcements, banners, tours, hints and surveys in your app, and how often end users see them." />
      <SettingsNav slug={slug} current="/theme" isOwner={role === "owner"} />
      <div className="grid max-w-4xl gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-4 text-base font-semibold">Colours</h2>
          <ThemeForm action={updateThemeAction} workspace={slug} theme={theme} canEdit={canEdit} />
        </Card>
        <Card>
          <h2 className="mb-1 text-base font-semibold">How often</h2>
          <p className="mb-4 text-sm text-slate-600">So that end users are never flooded. Experiences already shown keep showing until they end.</p>
          <LimitsForm action={updateLimitsAction} workspace={slug} limits={limits} canEdit={canEdit} />
        </Card>
      </div>
    </>
  );
}
