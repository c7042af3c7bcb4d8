// Seeds end users, identities and survey answers straight into the e2e database, the way the SDK
// API will write them. Identities are encrypted here with the same format and test key as
// lib/crypto/data-encryption.ts (Playwright cannot import the app's server-only modules).
import { createCipheriv, createHmac, randomBytes, randomUUID } from "node:crypto";
import { testEnv } from "../../test/test-env";
import { query } from "./db";

const key = Buffer.from(testEnv.HERALD_DATA_KEY, "base64");

export function encryptForTest(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `v${testEnv.HERALD_DATA_KEY_VERSION}.${iv.toString("base64url")}.${cipher.getAuthTag().toString("base64url")}.${data.toString("base64url")}`;
}

const blindIndex = (value: string) => createHmac("sha256", key).update("blind-index:").update(value.trim().toLowerCase()).digest("hex");

export async function workspaceId(slug: string): Promise<string> {
  const [row] = await query<{ id: string }>("select id from workspaces where slug = $1", [slug]);
  return row.id;
}

export async function insertEndUser(wsId: string, opts: { attributes?: Record<string, unknown>; identity?: { email: string; name: string }; externalId?: string } = {}) {
  const anonymousId = `anon-${randomUUID()}`;
  const [user] = await query<{ id: string }>(
    "insert into end_users (workspace_id, anonymous_id, attributes, external_id) values ($1, $2, $3, $4) returning id",
    [wsId, anonymousId, JSON.stringify(opts.attributes ?? {}), opts.externalId ?? null],
  );
  if (opts.identity) {
    await query(
      "insert into end_user_identities (end_user_id, workspace_id, email_enc, name_enc, key_version, email_hash) values ($1, $2, $3, $4, $5, $6)",
      [user.id, wsId, encryptForTest(opts.identity.email), encryptForTest(opts.identity.name), Number(testEnv.HERALD_DATA_KEY_VERSION), blindIndex(opts.identity.email)],
    );
  }
  return { id: user.id, anonymousId };
}

export const SURVEY = {
  title: "How are we doing?",
  questions: [
    { id: "nps", type: "nps", prompt: "How likely are you to recommend us?", required: true },
    { id: "why", type: "text", prompt: "What should we improve?", required: false },
  ],
  thankYou: "Thanks!",
};

export async function insertSurvey(wsId: string, name = "Quarterly NPS"): Promise<string> {
  const [row] = await query<{ id: string }>(
    "insert into experiences (workspace_id, type, name, status, content, published_at) values ($1, 'survey', $2, 'live', $3, now()) returning id",
    [wsId, name, JSON.stringify(SURVEY)],
  );
  return row.id;
}

export async function insertAnswer(wsId: string, experienceId: string, endUserId: string, questionId: string, answer: unknown) {
  await query("insert into experience_events (workspace_id, end_user_id, experience_id, type, client_event_id) values ($1, $2, $3, 'view', $4) on conflict do nothing", [wsId, endUserId, experienceId, randomUUID()]);
  await query(
    "insert into survey_responses (workspace_id, experience_id, end_user_id, question_id, answer, client_event_id) values ($1, $2, $3, $4, $5, $6)",
    [wsId, experienceId, endUserId, questionId, JSON.stringify(answer), randomUUID()],
  );
}

export async function insertSegment(wsId: string, name: string): Promise<string> {
  const rules = { kind: "group", combinator: "and", children: [{ kind: "condition", source: "attribute", attribute: "plan", operator: "equals", value: "paying" }] };
  const [row] = await query<{ id: string }>("insert into segments (workspace_id, name, rules) values ($1, $2, $3) returning id", [wsId, name, JSON.stringify(rules)]);
  return row.id;
}
