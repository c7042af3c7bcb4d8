import Link from "next/link";
import { TYPE_LABELS } from "@/components/dashboard/badges";
import { ExperienceEditor } from "@/components/dashboard/experiences/experience-editor";
import { PageHeader } from "@/components/ui/card";
import { listTaskTargets } from "@/lib/experiences/checklist-data";
import { blankContent, EDITABLE_TYPES, ZEditableType } from "@/lib/experiences/input";
import { listSegments } from "@/lib/segments/segments";
import { requireMember } from "@/lib/workspaces/membership";
import { readSettings } from "@/lib/workspaces/settings";
import { saveExperienceAction } from "../actions";

export const metadata = { title: "New experience" };

const DESCRIPTIONS: Record<string, string> = {
  announcement: "A modal with a title, text and buttons.",
  banner: "A bar at the top or bottom of the page.",
  tour: "Steps that point at elements of your app, one after another.",
  hint: "A tooltip beside one element.",
  survey: "NPS, rating, choice and text questions.",
  checklist: "Onboarding tasks that tick themselves off as end users get going.",
  resource_center: "A help panel behind a launcher: updates, checklists, tours and links.",
};

export default async function NewExperiencePage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ type?: string }> }) {
  const { slug } = await params;
  const { workspace } = await requireMember(slug);
  const type = ZEditableType.safeParse((await searchParams).type);
  if (!type.success) {
    return (
      <>
        <PageHeader title="New experience" description="Choose what to build." />
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {EDITABLE_TYPES.map((t) => (
            <li key={t}>
              <Link href={`/w/${slug}/experiences/new?type=${t}`} className="block rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 hover:ring-brand-500">
                <span className="text-base font-semibold text-slate-900">{TYPE_LABELS[t]}</span>
                <span className="mt-1 block text-sm text-slate-600">{DESCRIPTIONS[t]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </>
    );
  }
  const [segments, related] = await Promise.all([listSegments(workspace.id), type.data === "checklist" ? listTaskTargets(workspace.id) : []]);
  return (
    <>
      <PageHeader title={`New ${TYPE_LABELS[type.data].toLowerCase()}`} description="Saved as a draft; publish it when it is ready." />
      <ExperienceEditor
        action={saveExperienceAction}
        workspace={slug}
        initial={{ name: "", type: type.data, content: blankContent(type.data), trigger: { match: "any" }, frequency: "once", priority: 0, segmentId: null, goal: null, holdoutPercent: 0, translations: {} }}
        segments={segments}
        theme={readSettings(workspace.settings).theme}
        defaultLocale={readSettings(workspace.settings).defaultLocale}
        live={false}
        related={related}
      />
    </>
  );
}
