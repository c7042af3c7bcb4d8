import Link from "next/link";
import { notFound } from "next/navigation";
import { TYPE_LABELS } from "@/components/dashboard/badges";
import { ErasePersonForm } from "@/components/dashboard/users/erase-person";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { shortAnonymousId } from "@/lib/end-users/identity";
import { viewPerson } from "@/lib/end-users/person";
import { formatAnswer } from "@/lib/surveys/responses";
import { MANAGERS, requireMember } from "@/lib/workspaces/membership";
import { erasePersonAction } from "../actions";

export const metadata = { title: "End user" };

function Pairs({ entries, empty }: { entries: [string, unknown][]; empty: string }) {
  if (entries.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-sm">
      {entries.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-medium text-slate-700">{k}</dt>
          <dd className="break-all text-slate-900">{typeof v === "string" ? v : JSON.stringify(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function PersonPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { workspace, role, userId } = await requireMember(slug);
  const person = await viewPerson(workspace.id, userId, id);
  if (!person) notFound();
  const canManage = MANAGERS.includes(role);
  const title = person.traits?.name ?? person.traits?.email ?? `Anonymous ${shortAnonymousId(person.anonymousId)}`;
  const traits = person.traits ? (Object.entries(person.traits).filter(([, v]) => v) as [string, unknown][]) : [];
  return (
    <>
      <PageHeader
        title={title}
        description={person.identified ? "Identified end user · viewing this page is recorded in the audit log" : "Anonymous end user"}
        actions={canManage ? <a className={buttonClass("secondary")} href={`/api/w/${slug}/users/export?id=${person.id}`} download>Export data (JSON)</a> : null}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-base font-semibold">Identity</h2>
          <Pairs
            entries={[["User id", person.externalId ?? "—"], ["Anonymous id", person.anonymousId], ...traits, ["First seen", person.firstSeenDay], ["Last seen", person.lastSeenDay]]}
            empty=""
          />
        </Card>
        <Card>
          <h2 className="mb-3 text-base font-semibold">Attributes</h2>
          <Pairs entries={Object.entries(person.attributes)} empty="Your app has sent no attributes for this end user." />
        </Card>
        <Card>
          <h2 className="mb-3 text-base font-semibold">Experiences seen</h2>
          {person.experiencesSeen.length === 0 ? (
            <p className="text-sm text-slate-600">None yet.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {person.experiencesSeen.map((e) => (
                <li key={e.experienceId}>
                  <Link className="font-medium text-brand-700 hover:underline" href={`/w/${slug}/experiences/${e.experienceId}`}>{e.name}</Link>{" "}
                  <span className="text-slate-600">({TYPE_LABELS[e.type]}: {e.events.join(", ")})</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="mb-3 text-base font-semibold">Survey answers</h2>
          {person.surveyAnswers.length === 0 ? (
            <p className="text-sm text-slate-600">None yet.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {person.surveyAnswers.map((a, i) => (
                <li key={i}>
                  <span className="text-slate-600">{a.survey} · {a.question}</span>
                  <span className="block font-medium">{formatAnswer(a.answer)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      {canManage && person.identified ? (
        <Card className="mt-6">
          <h2 className="mb-2 text-base font-semibold">Erase personal data</h2>
          <p className="mb-3 text-sm text-slate-600">Removes the name, email and user id. Views and answers stay as anonymous aggregates.</p>
          <ErasePersonForm action={erasePersonAction} workspace={slug} id={person.id} />
        </Card>
      ) : null}
    </>
  );
}
