// The whole Herald data model (DESIGN.md §2). Never add a column for an end user's
// IP, user agent, browser or location, nor for a card number, CVC or expiry.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
const workspaceRef = () =>
  uuid("workspace_id")
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" });

// ─── Admins (Auth.js adapter tables) ────────────────────────────────────────
export const users = pgTable("users", {
  id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
  name: text("name"),
  email: text("email").notNull().unique(),
  emailVerified: timestamp("email_verified", { mode: "date", withTimezone: true }),
  image: text("image"),
  passwordHash: text("password_hash"),
  createdAt: createdAt(),
});

export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
});

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// ─── Tenants ────────────────────────────────────────────────────────────────
export const roleEnum = pgEnum("member_role", ["owner", "admin", "member"]);

export const workspaces = pgTable("workspaces", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  publicKey: text("public_key").notNull().unique(),
  // Encrypted with HERALD_DATA_KEY (lib/crypto); needed in clear to verify identify HMACs.
  identitySecretEnc: text("identity_secret_enc").notNull(),
  identityVerification: boolean("identity_verification").notNull().default(false),
  // Theme, frequency caps, default locale, portal branding: validated by lib/workspaces/settings.ts.
  settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
  sdkLastSeenAt: timestamp("sdk_last_seen_at", { withTimezone: true }),
  createdAt: createdAt(),
});

export const memberships = pgTable(
  "memberships",
  {
    workspaceId: workspaceRef(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull().default("member"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    email: text("email").notNull(),
    role: roleEnum("role").notNull().default("member"),
    // Only a SHA-256 of the token is kept; the token itself travels in the link.
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("invitations_workspace_idx").on(t.workspaceId)],
);

// ─── End users (anonymous by default) ───────────────────────────────────────
export const endUsers = pgTable(
  "end_users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    // The first random id the SDK generated for this person; further devices live in end_user_aliases.
    anonymousId: text("anonymous_id").notNull(),
    externalId: text("external_id"),
    // Non-personal attributes sent by the customer (plan, role, …).
    attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
    // Random 0–99, drawn once: the goal hold-out group is "bucket < holdout share".
    holdoutBucket: smallint("holdout_bucket").notNull().default(sql`floor(random() * 100)`),
    firstSeenDay: date("first_seen_day").notNull().default(sql`current_date`),
    lastSeenDay: date("last_seen_day").notNull().default(sql`current_date`),
  },
  (t) => [
    uniqueIndex("end_users_anon_idx").on(t.workspaceId, t.anonymousId),
    uniqueIndex("end_users_external_idx").on(t.workspaceId, t.externalId),
  ],
);

export const endUserAliases = pgTable(
  "end_user_aliases",
  {
    workspaceId: workspaceRef(),
    anonymousId: text("anonymous_id").notNull(),
    endUserId: uuid("end_user_id")
      .notNull()
      .references(() => endUsers.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.anonymousId] }), index("end_user_aliases_user_idx").on(t.endUserId)],
);

export const endUserIdentities = pgTable(
  "end_user_identities",
  {
    endUserId: uuid("end_user_id")
      .primaryKey()
      .references(() => endUsers.id, { onDelete: "cascade" }),
    workspaceId: workspaceRef(),
    // AES-256-GCM ciphertexts (lib/crypto); plaintext never reaches the database.
    emailEnc: text("email_enc"),
    nameEnc: text("name_enc"),
    usernameEnc: text("username_enc"),
    keyVersion: integer("key_version").notNull(),
    // Keyed HMAC of the normalised email: exact-match lookup without decrypting.
    emailHash: text("email_hash"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("end_user_identities_email_idx").on(t.workspaceId, t.emailHash)],
);

// ─── Experiences and targeting ──────────────────────────────────────────────
export const experienceTypeEnum = pgEnum("experience_type", [
  "announcement",
  "banner",
  "tour",
  "hint",
  "survey",
  "checklist",
  "resource_center",
]);
export const experienceStatusEnum = pgEnum("experience_status", ["draft", "live", "paused", "archived"]);
export const frequencyEnum = pgEnum("experience_frequency", ["once", "until_completed", "every_session"]);

export const segments = pgTable(
  "segments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    name: text("name").notNull(),
    description: text("description"),
    // AND/OR groups of attribute conditions: lib/segments/rules.ts owns the shape.
    rules: jsonb("rules").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("segments_workspace_idx").on(t.workspaceId)],
);

export const experiences = pgTable(
  "experiences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    type: experienceTypeEnum("type").notNull(),
    name: text("name").notNull(),
    status: experienceStatusEnum("status").notNull().default("draft"),
    // Steps, questions, tasks, buttons: validated per type by lib/experiences.
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    // { [locale]: partial content } — falls back to content for the default locale.
    translations: jsonb("translations").$type<Record<string, unknown>>().notNull().default({}),
    segmentId: uuid("segment_id").references(() => segments.id, { onDelete: "restrict" }),
    // { match: "any" | "exact" | "prefix" | "glob", url?: string }
    trigger: jsonb("trigger").$type<Record<string, unknown>>().notNull().default({ match: "any" }),
    frequency: frequencyEnum("frequency").notNull().default("once"),
    priority: integer("priority").notNull().default(0),
    // { kind: "event" | "url", value: string, withinDays: number } or null.
    goal: jsonb("goal").$type<Record<string, unknown> | null>(),
    holdoutPercent: smallint("holdout_percent").notNull().default(0),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("experiences_workspace_status_idx").on(t.workspaceId, t.status)],
);

export const eventTypeEnum = pgEnum("event_type", [
  "view",
  "step",
  "complete",
  "dismiss",
  "click",
  "vote",
  "answer",
  "track",
  "page",
  "task",
]);

// Raw events, tied to an end user (anonymous id) only. On PostgreSQL the two event tables are
// partitioned by month (db/migrations/0001_partition_events.sql; primary keys include the time), so
// idempotency lives in event_receipts. Raw rows may be deleted after HERALD_EVENT_RETENTION_DAYS;
// experience_user_state keeps what the product needs from them.
export const experienceEvents = pgTable(
  "experience_events",
  {
    id: bigint("id", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    workspaceId: workspaceRef(),
    endUserId: uuid("end_user_id")
      .notNull()
      .references(() => endUsers.id, { onDelete: "cascade" }),
    experienceId: uuid("experience_id").references(() => experiences.id, { onDelete: "cascade" }),
    type: eventTypeEnum("type").notNull(),
    // Step index for tours, task id for checklists, event name for track, path for page.
    step: integer("step"),
    name: text("name"),
    clientEventId: text("client_event_id").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.occurredAt] }),
    index("experience_events_experience_idx").on(t.experienceId, t.type),
    index("experience_events_user_idx").on(t.endUserId, t.occurredAt),
    index("experience_events_workspace_time_idx").on(t.workspaceId, t.occurredAt),
  ],
);

/** Every client event id ever stored (events and answers): a retried batch finds its ids here. */
export const eventReceipts = pgTable(
  "event_receipts",
  {
    workspaceId: workspaceRef(),
    clientEventId: text("client_event_id").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.clientEventId] })],
);

// One row per end user and experience, kept by a trigger on experience_events: frequencies, reach and
// completion survive the deletion of raw events, and resolve reads one small row per experience.
export const experienceUserState = pgTable(
  "experience_user_state",
  {
    workspaceId: workspaceRef(),
    endUserId: uuid("end_user_id")
      .notNull()
      .references(() => endUsers.id, { onDelete: "cascade" }),
    experienceId: uuid("experience_id")
      .notNull()
      .references(() => experiences.id, { onDelete: "cascade" }),
    views: integer("views").notNull().default(0),
    firstViewedAt: timestamp("first_viewed_at", { withTimezone: true }),
    lastViewedAt: timestamp("last_viewed_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    dismissedAt: timestamp("dismissed_at", { withTimezone: true }),
    // Eligible but held out (the goal's control group): set once by resolve, never shown.
    heldOutAt: timestamp("held_out_at", { withTimezone: true }),
    // Checklists: ids of the tasks recorded as done (task events), a set kept by the same trigger.
    doneTasks: text("done_tasks").array().notNull().default(sql`'{}'::text[]`),
    lastEventAt: timestamp("last_event_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.endUserId, t.experienceId] }), index("experience_user_state_experience_idx").on(t.experienceId)],
);

export const surveyResponses = pgTable(
  "survey_responses",
  {
    id: bigint("id", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    workspaceId: workspaceRef(),
    experienceId: uuid("experience_id")
      .notNull()
      .references(() => experiences.id, { onDelete: "cascade" }),
    endUserId: uuid("end_user_id")
      .notNull()
      .references(() => endUsers.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    answer: jsonb("answer").$type<unknown>().notNull(),
    clientEventId: text("client_event_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.id, t.createdAt] }), index("survey_responses_experience_idx").on(t.experienceId, t.createdAt)],
);

// ─── Changelog ──────────────────────────────────────────────────────────────
export const postStatusEnum = pgEnum("post_status", ["draft", "scheduled", "published"]);

export const uploads = pgTable("uploads", {
  id: uuid("id").primaryKey().defaultRandom(),
  workspaceId: workspaceRef(),
  contentType: text("content_type").notNull(),
  size: integer("size").notNull(),
  bytes: bytea("bytes").notNull(),
  createdAt: createdAt(),
});

export const changelogPosts = pgTable(
  "changelog_posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceRef(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    category: text("category").notNull().default("New"),
    coverUploadId: uuid("cover_upload_id").references(() => uploads.id, { onDelete: "set null" }),
    status: postStatusEnum("status").notNull().default("draft"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    // { [locale]: { title?, body? } }
    translations: jsonb("translations").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("changelog_posts_slug_idx").on(t.workspaceId, t.slug),
    index("changelog_posts_published_idx").on(t.workspaceId, t.status, t.publishedAt),
  ],
);

export const postReactions = pgTable(
  "post_reactions",
  {
    workspaceId: workspaceRef(),
    postId: uuid("post_id")
      .notNull()
      .references(() => changelogPosts.id, { onDelete: "cascade" }),
    // Random id from the reader's local storage: no account, IP or user agent.
    voterId: text("voter_id").notNull(),
    emoji: text("emoji").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.voterId, t.emoji] })],
);

export const postViewCounts = pgTable(
  "post_view_counts",
  {
    workspaceId: workspaceRef(),
    postId: uuid("post_id")
      .notNull()
      .references(() => changelogPosts.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.postId, t.day] })],
);

// ─── Billing: Stripe holds the card; we keep brand, last 4 and cardholder name ─
export const billingAccounts = pgTable("billing_accounts", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  stripeCustomerId: text("stripe_customer_id").unique(),
  stripeSubscriptionId: text("stripe_subscription_id"),
  plan: text("plan").notNull().default("free"),
  status: text("status").notNull().default("active"),
  currentPeriodEnd: timestamp("current_period_end", { withTimezone: true }),
  cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
  cardBrand: text("card_brand"),
  cardLast4: text("card_last4"),
  cardholderName: text("cardholder_name"),
  // Stripe's `created` of the newest event applied: older events arriving late change nothing.
  stripeStateAt: timestamp("stripe_state_at", { withTimezone: true }),
  updatedAt: updatedAt(),
});

export const stripeEvents = pgTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  processedAt: timestamp("processed_at", { withTimezone: true }).notNull().defaultNow(),
});

// ─── Audit of admin actions on personal data ────────────────────────────────
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: workspaceRef(),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_workspace_idx").on(t.workspaceId, t.createdAt)],
);

export type User = typeof users.$inferSelect;
export type Workspace = typeof workspaces.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type EndUser = typeof endUsers.$inferSelect;
export type Experience = typeof experiences.$inferSelect;
export type Segment = typeof segments.$inferSelect;
export type ChangelogPost = typeof changelogPosts.$inferSelect;
export type BillingAccount = typeof billingAccounts.$inferSelect;
