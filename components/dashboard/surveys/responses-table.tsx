import Link from "next/link";
import { formatAnswer, type TRespondent } from "@/lib/surveys/responses";
import type { TQuestion } from "@/lib/experiences/content";

export function ResponsesTable({ slug, questions, rows }: { slug: string; questions: TQuestion[]; rows: TRespondent[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Responses</caption>
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-3">Who</th>
            <th scope="col">When (UTC)</th>
            {questions.map((q) => <th key={q.id} scope="col" className="px-2">{q.prompt}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.endUserId} data-testid="response-row">
              <td className="px-4 py-3">
                {r.identified ? (
                  <Link href={`/w/${slug}/users/${r.endUserId}`} className="text-brand-700 hover:underline">
                    <span className="block font-medium">{r.name ?? "Identified user"}</span>
                    <span className="block text-slate-600">{r.email ?? ""}</span>
                  </Link>
                ) : (
                  <span className="text-slate-700">{r.label}</span>
                )}
              </td>
              <td className="whitespace-nowrap text-slate-600">{r.lastAnsweredAt.toISOString().slice(0, 16).replace("T", " ")}</td>
              {questions.map((q) => <td key={q.id} className="px-2">{formatAnswer(r.answers[q.id]) || "—"}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
