import { notFound } from "next/navigation";
import { StatusBadge, TYPE_LABELS } from "@/components/dashboard/badges";
import { ExperienceEditor } from "@/components/dashboard/experiences/experience-editor";
import { ChecklistFunnel } from "@/components/dashboard/experiences/checklist-funnel";
import { GoalCard } from "@/components/dashboard/experiences/goal-card";
import { StatusControls } from "@/components/dashboard/experiences/status-controls";
import { Alert, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { listTaskTargets } from "@/lib/experiences/checklist-data";
import { checklistFunnel } from "@/lib/experiences/checklist-funnel";
import { ZChecklistContent } from "@/lib/experiences/content";
import { getExperience } from "@/lib/experiences/experiences";
import { goalResults, readGoal } from "@/lib/experiences/goals";
import { ZEditableType } from "@/lib/experiences/input";
import { readTranslations } from "@/lib/experiences/translations";
import { listSegments } from "@/lib/segments/segments";
import { requireMember } from "@/lib/workspaces/membership";
import { readSettings } from "@/lib/workspaces/settings";
import { duplicateExperienceAction, moveExperienceAction, saveExperienceAction } from "../actions";

export const metadata = { title: "Edit experience" };

export default async function ExperiencePage({ params, searchParams }: { params: Promise<{ slug: string; id: string }>; searchParams: Promise<{ created?: string; duplicated?: string }> }) {
  const { slug, id } = await params;
  const { workspace } = await requireMember(slug);
  const experience = await getExperience(workspace.id, id);
  if (!experience) notFound();
  const type = ZEditableType.safeParse(experience.type);
  const [segments, flags, related] = await Promise.all([listSegments(workspace.id), searchParams, experience.type === "checklist" ? listTaskTargets(workspace.id) : []]);
  const trigger = experience.trigger as { match: string; url?: string };
  const goal = await goalResults(workspace.id, experience);
  const checklist = experience.type === "checklist" ? ZChecklistContent.safeParse(experience.content) : undefined;
  const funnel = checklist?.success ? await checklistFunnel(workspace.id, experience.id, checklist.data) : undefined;
  const settings = readSettings(workspace.settings);
  return (
    <>
      <PageHeader
        title={experience.name}
        description={`${TYPE_LABELS[experience.type]} · last changed ${experience.updatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`}
        actions={
          <>
            <StatusBadge status={experience.status} />
            {experience.type === "survey" ? <ButtonLink variant="secondary" href={`/w/${slug}/surveys/${experience.id}`}>Results</ButtonLink> : null}
          </>
        }
      />
      {flags.created ? <div className="mb-4"><Alert tone="success">Draft created.</Alert></div> : null}
      {flags.duplicated ? <div className="mb-4"><Alert tone="success">Duplicated: this is the copy, saved as a draft.</Alert></div> : null}
      <div className="mb-6">
        <StatusControls status={experience.status} id={experience.id} workspace={slug} move={moveExperienceAction} duplicate={duplicateExperienceAction} />
      </div>
      <div className="mb-6">
        <GoalCard data={goal} />
      </div>
      {funnel ? <div className="mb-6"><ChecklistFunnel data={funnel} /></div> : null}
      {!type.success ? (
        <Alert tone="info">{TYPE_LABELS[experience.type]} experiences are not edited here yet; their status can be changed above.</Alert>
      ) : (
      <ExperienceEditor
        key={experience.id}
        action={saveExperienceAction}
        workspace={slug}
        id={experience.id}
        initial={{
          name: experience.name,
          type: type.data,
          content: experience.content,
          trigger,
          frequency: experience.frequency,
          priority: experience.priority,
          segmentId: experience.segmentId,
          goal: readGoal(experience.goal),
          holdoutPercent: experience.holdoutPercent,
          translations: readTranslations(experience.translations),
        }}
        segments={segments}
        theme={settings.theme}
        defaultLocale={settings.defaultLocale}
        live={experience.status === "live"}
        related={related}
      />
      )}
    </>
  );
}
