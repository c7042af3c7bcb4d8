import { ThemeForm } from "@/components/dashboard/settings/settings-forms";
import { SettingsNav } from "@/components/dashboard/settings/settings-nav";
import { Card, PageHeader } from "@/components/ui/card";
import { MANAGERS, requireMember } from "@/lib/workspaces/membership";
import { readSettings } from "@/lib/workspaces/settings";
import { updateThemeAction } from "../actions";

export const metadata = { title: "Theme" };

export default async function ThemePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, role } = await requireMember(slug);
  const theme = readSettings(workspace.settings).theme;
  return (
    <>
      <PageHeader title="Theme" description="The colours of announcements, banners, tours, hints and surveys in your app." />
      <SettingsNav slug={slug} current="/theme" isOwner={role === "owner"} />
      <Card className="max-w-xl">
        <ThemeForm action={updateThemeAction} workspace={slug} theme={theme} canEdit={MANAGERS.includes(role)} />
      </Card>
    </>
  );
}
