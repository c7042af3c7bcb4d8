import { SegmentEditor } from "@/components/dashboard/segments/segment-editor";
import { PageHeader } from "@/components/ui/card";
import { suggestAttributes, TRAIT_KEYS } from "@/lib/segments/segments";
import { requireMember } from "@/lib/workspaces/membership";
import { saveSegmentAction } from "../actions";

export const metadata = { title: "New segment" };

export default async function NewSegmentPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace } = await requireMember(slug);
  const attributes = await suggestAttributes(workspace.id);
  return (
    <>
      <PageHeader title="New segment" />
      <SegmentEditor
        action={saveSegmentAction}
        workspace={slug}
        initial={{ name: "", description: "", rules: { kind: "group", combinator: "and", children: [{ kind: "condition", source: "attribute", attribute: "", operator: "equals", value: "" }] } }}
        suggestions={{ attributes, traits: TRAIT_KEYS }}
      />
    </>
  );
}
