const STATUS_TONES: Record<string, string> = {
  draft: "bg-slate-100 text-slate-700",
  live: "bg-green-100 text-green-800",
  paused: "bg-amber-100 text-amber-900",
  archived: "bg-slate-200 text-slate-600",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium capitalize ${STATUS_TONES[status] ?? STATUS_TONES.draft}`}>{status}</span>;
}

export const TYPE_LABELS: Record<string, string> = {
  announcement: "Announcement",
  banner: "Banner",
  tour: "Tour",
  hint: "Hint",
  survey: "Survey",
  checklist: "Checklist",
  resource_center: "Resource center",
};
