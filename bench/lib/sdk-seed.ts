// A realistic SDK workspace for bench/sdk-api.bench.ts: 10,000 end users with attributes, 20 segments,
// 50 live experiences of every type (content valid per ZTypedContent), URL triggers, frequencies and
// past events. Written with plain SQL so that it depends only on the schema, not on the API's code.
import pg from "pg";
import { randomBytes } from "node:crypto";
import { ZTrigger, ZTypedContent, type TTrigger, type TTypedContent } from "../../lib/experiences/content";
import { ZSegmentRules, type TCondition, type TGroup } from "../../lib/segments/rules-schema";

export const END_USERS = 10_000;
const SEGMENTS = 20;
const EXPERIENCES = 50;
export const PAGES = ["/dashboard", "/settings/billing", "/projects/42/settings", "/docs/intro/setup", "/reports?range=30d"].map((p) => `https://app.example.com${p}`);
export const anonymousId = (n: number) => `bench-anon-${n}`;

const cond = (attribute: string, operator: TCondition["operator"], value?: TCondition["value"]): TCondition => ({ kind: "condition", source: "attribute", attribute, operator, value });
const group = (combinator: TGroup["combinator"], ...children: TGroup["children"]): TGroup => ({ kind: "group", combinator, children });
const PLANS = ["free", "team", "business", "enterprise"];

/** Twenty rule sets over plan / role / seats / signed_up, from one condition to nested groups. */
function segmentRules(i: number): TGroup {
  const plan = PLANS[i % 4];
  const shapes: TGroup[] = [
    group("and", cond("plan", "equals", plan)),
    group("and", cond("seats", "gt", 10 + i * 5)),
    group("or", cond("role", "in", ["admin", "owner"]), cond("plan", "equals", plan)),
    group("and", cond("plan", "not_equals", "free"), group("or", cond("seats", "lt", 20), cond("role", "equals", "admin"))),
    group("and", cond("signed_up", "gt", `2025-0${1 + (i % 9)}-01`), cond("plan", "starts_with", plan.slice(0, 2))),
    group("and", cond("company", "contains", "co"), cond("beta", "is_set"), group("or", cond("seats", "gt", 50), group("and", cond("role", "equals", "member"), cond("plan", "in", PLANS.slice(1))))),
    group("or", cond("plan", "is_not_set"), cond("seats", "lt", i)),
  ];
  return ZSegmentRules.parse(shapes[i % shapes.length]);
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `s${i}`);

/** Content for experience i, cycling through every type. */
function typedContent(i: number): TTypedContent {
  const all: unknown[] = [
    { type: "announcement", content: { title: `What's new #${i}`, body: "We shipped **faster reports** and a new export.", buttons: [{ label: "Got it", action: "dismiss" }] } },
    { type: "banner", content: { body: `Scheduled maintenance on Sunday (#${i}).`, position: i % 2 ? "top" : "bottom", buttons: [{ label: "Details", action: "link", url: "/status" }] } },
    { type: "tour", content: { steps: ids(3).map((id, s) => ({ id, selector: `#step-${s}`, title: `Step ${s + 1}`, body: "This is where you work." })) } },
    { type: "hint", content: { selector: "[data-help=export]", body: "Export any report as CSV." } },
    { type: "survey", content: { questions: [{ id: "nps", type: "nps", prompt: "How likely are you to recommend us?" }, { id: "why", type: "text", prompt: "Why?", required: false }] } },
    { type: "checklist", content: { title: "Get started", tasks: [{ id: "invite", label: "Invite a teammate", completeWhen: { kind: "event", name: "invited" } }, { id: "docs", label: "Read the docs", completeWhen: { kind: "url", match: "prefix", url: "/docs" } }] } },
    { type: "resource_center", content: { title: "Help", launcher: { kind: "floating" }, sections: [{ title: "Guides", links: [{ label: "Setup", url: "/docs/intro/setup" }] }] } },
  ];
  return ZTypedContent.parse(all[i % all.length]);
}

const TRIGGERS: TTrigger[] = [
  { match: "any" },
  { match: "exact", url: "/dashboard" },
  { match: "prefix", url: "/settings" },
  { match: "glob", url: "/projects/*/settings" },
  { match: "prefix", url: "https://app.example.com/docs" },
  { match: "glob", url: "/**/setup" },
  { match: "exact", url: "/reports?range=30d" },
  { match: "any" },
];
const FREQUENCIES = ["once", "until_completed", "every_session"] as const;

export type TBenchWorkspace = { workspaceId: string; key: string; experienceIds: string[] };

export async function seedSdkWorkspace(url: string, identitySecretEnc: string): Promise<TBenchWorkspace> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const key = `pk_bench_${randomBytes(12).toString("hex")}`;
    const { rows: [ws] } = await client.query<{ id: string }>(
      "insert into workspaces (name, slug, public_key, identity_secret_enc) values ('SDK Bench', 'sdk-bench', $1, $2) returning id",
      [key, identitySecretEnc],
    );
    await client.query(
      `insert into end_users (workspace_id, anonymous_id, attributes)
       select $1, 'bench-anon-' || g, jsonb_strip_nulls(jsonb_build_object(
         'plan', (array['free','team','business','enterprise'])[1 + g % 4],
         'role', (array['admin','member','viewer','owner'])[1 + (g / 4) % 4],
         'seats', (g * 7) % 200,
         'signed_up', to_char(date '2025-01-01' + (g % 365), 'YYYY-MM-DD'),
         'company', case when g % 5 = 0 then 'Acme Co ' || g end,
         'beta', case when g % 7 = 0 then true end))
       from generate_series(1, $2::int) g`,
      [ws.id, END_USERS],
    );
    const segmentIds: string[] = [];
    for (let i = 0; i < SEGMENTS; i++) {
      const { rows } = await client.query<{ id: string }>("insert into segments (workspace_id, name, rules) values ($1, $2, $3) returning id", [ws.id, `Segment ${i}`, JSON.stringify(segmentRules(i))]);
      segmentIds.push(rows[0].id);
    }
    const experienceIds: string[] = [];
    for (let i = 0; i < EXPERIENCES; i++) {
      const { type, content } = typedContent(i);
      const { rows } = await client.query<{ id: string }>(
        `insert into experiences (workspace_id, type, name, status, content, segment_id, trigger, frequency, priority, published_at)
         values ($1, $2, $3, 'live', $4, $5, $6, $7, $8, now()) returning id`,
        [ws.id, type, `Experience ${i}`, JSON.stringify(content), i % 2 ? segmentIds[i % SEGMENTS] : null, JSON.stringify(ZTrigger.parse(TRIGGERS[i % TRIGGERS.length])), FREQUENCIES[i % 3], i % 10],
      );
      experienceIds.push(rows[0].id);
    }
    // History: a third of the end users saw an experience, a sixth finished it.
    await client.query(
      `with u as (select id, row_number() over (order by anonymous_id) as n from end_users where workspace_id = $1)
       insert into experience_events (workspace_id, end_user_id, experience_id, type, client_event_id, occurred_at)
       select $1, u.id, ($2::uuid[])[1 + n % $3], t.type::event_type, 'seed-' || t.type || '-' || n, now() - (n % 30) * interval '1 day'
       from u cross join (values ('view'), ('complete')) as t(type)
       where n % 3 = 0 and (t.type = 'view' or n % 6 = 0)`,
      [ws.id, experienceIds, EXPERIENCES],
    );
    await client.query("analyze");
    return { workspaceId: ws.id, key, experienceIds };
  } finally {
    await client.end();
  }
}
