import { notFound } from "next/navigation";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { SECTIONS } from "@/components/dashboard/nav";
import { requireMember } from "@/lib/workspaces/membership";

// Sections that have no page of their own yet render their empty state here; a section's own
// folder (e.g. experiences/page.tsx) takes precedence over this dynamic segment.
export default async function SectionPage({ params }: { params: Promise<{ slug: string; section: string }> }) {
  const { slug, section } = await params;
  await requireMember(slug);
  const meta = SECTIONS.find((s) => s.segment === section);
  if (!meta) notFound();
  return (
    <>
      <PageHeader title={meta.label} />
      <EmptyState title={`No ${meta.label.toLowerCase()} yet`} description={meta.empty} />
    </>
  );
}
