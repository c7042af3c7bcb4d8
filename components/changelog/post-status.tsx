const tones = {
  draft: "bg-slate-100 text-slate-700 ring-slate-200",
  scheduled: "bg-amber-50 text-amber-800 ring-amber-200",
  published: "bg-green-50 text-green-800 ring-green-200",
} as const;

/** A post's status; a scheduled post whose time has passed reads "Published". */
export function PostStatus({ status, publishedAt, now = new Date() }: { status: keyof typeof tones; publishedAt: Date | null; now?: Date }) {
  const live = status === "scheduled" && publishedAt && publishedAt <= now;
  const shown = live ? "published" : status;
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold capitalize ring-1 ring-inset ${tones[shown]}`}>
      {shown}
    </span>
  );
}
