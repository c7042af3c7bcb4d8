import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/dashboard/badges";
import { DeleteSegmentForm } from "@/components/dashboard/segments/delete-segment";
import { SegmentEditor } from "@/components/dashboard/segments/segment-editor";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { experiencesUsingSegments } from "@/lib/experiences/experiences";
import type { TGroup } from "@/lib/segments/rules-schema";
import { getSegment, suggestAttributes, TRAIT_KEYS } from "@/lib/segments/segments";
import { requireMember } from "@/lib/workspaces/membership";
import { deleteSegmentAction, saveSegmentAction } from "../actions";

export const metadata = { title: "Segment" };

export default async function SegmentPage({ params, searchParams }: { params: Promise<{ slug: string; id: string }>; searchParams: Promise<{ created?: string }> }) {
  const { slug, id } = await params;
  const { workspace } = await requireMember(slug);
  const segment = await getSegment(workspace.id, id);
  if (!segment) notFound();
  const [attributes, usedBy, flags] = await Promise.all([suggestAttributes(workspace.id), experiencesUsingSegments(workspace.id, [segment.id]), searchParams]);
  return (
    <>
      <PageHeader title={segment.name} description={segment.description ?? undefined} />
      {flags.created ? <div className="mb-4"><Alert tone="success">Segment created.</Alert></div> : null}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <SegmentEditor
          key={segment.id}
          action={saveSegmentAction}
          workspace={slug}
          id={segment.id}
          initial={{ name: segment.name, description: segment.description ?? "", rules: segment.rules as TGroup }}
          suggestions={{ attributes, traits: TRAIT_KEYS }}
        />
        <div className="space-y-6">
          <Card>
            <h2 className="mb-3 text-base font-semibold">Used by</h2>
            {usedBy.length === 0 ? (
              <p className="text-sm text-slate-600">No experience targets this segment.</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {usedBy.map((e) => (
                  <li key={e.id} className="flex items-center justify-between gap-2">
                    <Link className="text-brand-700 hover:underline" href={`/w/${slug}/experiences/${e.id}`}>{e.name}</Link>
                    <StatusBadge status={e.status} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card>
            <h2 className="mb-3 text-base font-semibold">Delete</h2>
            <p className="mb-3 text-sm text-slate-600">A segment that experiences use cannot be deleted; change their targeting first.</p>
            <DeleteSegmentForm action={deleteSegmentAction} workspace={slug} id={segment.id} name={segment.name} />
          </Card>
        </div>
      </div>
    </>
  );
}
