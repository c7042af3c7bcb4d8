/** A server-rendered horizontal bar chart (CSS widths, no client library), readable as a table by screen readers. */
export function BarChart({ caption, rows, unit = "answers", total: of }: { caption: string; rows: { label: string; value: number; tone?: string }[]; unit?: string; total?: number }) {
  const max = Math.max(1, of ?? 0, ...rows.map((r) => r.value));
  // Percentages of the rows' sum (a distribution), or of `total` (a funnel: a share of everyone who started).
  const total = of ?? rows.reduce((s, r) => s + r.value, 0);
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="sr-only">
        <tr><th scope="col">Value</th><th scope="col">Count</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row" className="w-28 py-1 pr-3 text-left font-normal text-slate-700">{r.label}</th>
            <td className="py-1">
              <div className="flex items-center gap-2">
                <div className="h-4 flex-1 rounded bg-slate-100" aria-hidden="true">
                  <div className={`h-4 rounded ${r.tone ?? "bg-brand-600"}`} style={{ width: `${(r.value / max) * 100}%` }} />
                </div>
                <span className="w-24 text-right tabular-nums text-slate-700">
                  {r.value} <span className="text-slate-500">{total ? `(${Math.round((r.value / total) * 100)}%)` : ""}</span>
                  <span className="sr-only"> {unit}</span>
                </span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Daily counts as an SVG column chart with a text summary. */
export function ColumnChart({ title, points }: { title: string; points: { label: string; value: number }[] }) {
  const max = Math.max(1, ...points.map((p) => p.value));
  const w = 600, h = 120, gap = 2;
  const bw = points.length ? Math.max(1, w / points.length - gap) : 0;
  return (
    <figure>
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${title}: ${points.map((p) => `${p.label} ${p.value}`).join(", ") || "no data"}`} className="h-32 w-full">
        {points.map((p, i) => {
          const bh = (p.value / max) * (h - 4);
          return (
            <rect key={p.label} x={i * (bw + gap)} y={h - bh} width={bw} height={bh} className="fill-brand-600">
              <title>{`${p.label}: ${p.value}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="mt-1 flex justify-between text-xs text-slate-500">
        <span>{points[0]?.label ?? ""}</span>
        <span>{points.at(-1)?.label ?? ""}</span>
      </figcaption>
    </figure>
  );
}
