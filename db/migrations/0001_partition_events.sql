-- Events that grow (issue: many instances, one database). Hand-written around drizzle-kit's diff:
--  1. experience_events and survey_responses become tables partitioned by month (a default partition
--     catches anything outside the monthly ones); primary keys must then include the time column.
--  2. Idempotency moves to event_receipts (one row per client event id), since a unique index on a
--     partitioned table would have to include the time.
--  3. experience_user_state (kept by a trigger) holds per end user and experience what frequencies,
--     reach and completion need, so raw events can be deleted after a retention period.
-- Runs in the migrator's transaction: existing rows are copied, nothing is lost.
CREATE TABLE "event_receipts" (
	"workspace_id" uuid NOT NULL,
	"client_event_id" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_receipts_workspace_id_client_event_id_pk" PRIMARY KEY("workspace_id","client_event_id")
);
--> statement-breakpoint
CREATE TABLE "experience_user_state" (
	"workspace_id" uuid NOT NULL,
	"end_user_id" uuid NOT NULL,
	"experience_id" uuid NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"first_viewed_at" timestamp with time zone,
	"last_viewed_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"dismissed_at" timestamp with time zone,
	"last_event_at" timestamp with time zone NOT NULL,
	CONSTRAINT "experience_user_state_end_user_id_experience_id_pk" PRIMARY KEY("end_user_id","experience_id")
);
--> statement-breakpoint
-- Creates the missing monthly partitions of `parent` from `from_month` through `to_month`. Called on
-- start and daily by the app (lib/ops/event-partitions.ts).
CREATE FUNCTION herald_ensure_month_partitions(parent text, from_month date, to_month date) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
	m date := date_trunc('month', from_month)::date;
	created integer := 0;
	part text;
BEGIN
	-- Instances run this at once on start: one creates, the others find the partitions there.
	PERFORM pg_advisory_xact_lock(hashtext('herald_partitions:' || parent));
	WHILE m <= to_month LOOP
		part := format('%s_%s', parent, to_char(m, 'YYYY_MM'));
		IF to_regclass(part) IS NULL THEN
			EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', part, parent, m, (m + interval '1 month')::date);
			created := created + 1;
		END IF;
		m := (m + interval '1 month')::date;
	END LOOP;
	RETURN created;
END $$;
--> statement-breakpoint
ALTER TABLE "experience_events" RENAME TO "experience_events_unpartitioned";--> statement-breakpoint
ALTER SEQUENCE "experience_events_id_seq" RENAME TO "experience_events_unpartitioned_id_seq";--> statement-breakpoint
DROP INDEX "experience_events_client_idx";--> statement-breakpoint
DROP INDEX "experience_events_experience_idx";--> statement-breakpoint
DROP INDEX "experience_events_user_idx";--> statement-breakpoint
CREATE TABLE "experience_events" (
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "experience_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"end_user_id" uuid NOT NULL,
	"experience_id" uuid,
	"type" "event_type" NOT NULL,
	"step" integer,
	"name" text,
	"client_event_id" text NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experience_events_id_occurred_at_pk" PRIMARY KEY("id","occurred_at")
) PARTITION BY RANGE ("occurred_at");
--> statement-breakpoint
CREATE TABLE "experience_events_default" PARTITION OF "experience_events" DEFAULT;--> statement-breakpoint
SELECT herald_ensure_month_partitions('experience_events', coalesce((SELECT min("occurred_at") FROM "experience_events_unpartitioned"), now())::date, (now() + interval '2 months')::date);--> statement-breakpoint
INSERT INTO "experience_events" OVERRIDING SYSTEM VALUE SELECT * FROM "experience_events_unpartitioned";--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('experience_events', 'id'), coalesce((SELECT max("id") FROM "experience_events"), 0) + 1, false);--> statement-breakpoint
ALTER TABLE "survey_responses" RENAME TO "survey_responses_unpartitioned";--> statement-breakpoint
ALTER SEQUENCE "survey_responses_id_seq" RENAME TO "survey_responses_unpartitioned_id_seq";--> statement-breakpoint
DROP INDEX "survey_responses_client_idx";--> statement-breakpoint
DROP INDEX "survey_responses_experience_idx";--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "survey_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"experience_id" uuid NOT NULL,
	"end_user_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"answer" jsonb NOT NULL,
	"client_event_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_responses_id_created_at_pk" PRIMARY KEY("id","created_at")
) PARTITION BY RANGE ("created_at");
--> statement-breakpoint
CREATE TABLE "survey_responses_default" PARTITION OF "survey_responses" DEFAULT;--> statement-breakpoint
SELECT herald_ensure_month_partitions('survey_responses', coalesce((SELECT min("created_at") FROM "survey_responses_unpartitioned"), now())::date, (now() + interval '2 months')::date);--> statement-breakpoint
INSERT INTO "survey_responses" OVERRIDING SYSTEM VALUE SELECT * FROM "survey_responses_unpartitioned";--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('survey_responses', 'id'), coalesce((SELECT max("id") FROM "survey_responses"), 0) + 1, false);--> statement-breakpoint
INSERT INTO "event_receipts" ("workspace_id", "client_event_id", "received_at")
	SELECT "workspace_id", "client_event_id", "occurred_at" FROM "experience_events_unpartitioned"
	UNION ALL SELECT "workspace_id", "client_event_id", "created_at" FROM "survey_responses_unpartitioned"
	ON CONFLICT DO NOTHING;
--> statement-breakpoint
DROP TABLE "experience_events_unpartitioned";--> statement-breakpoint
DROP TABLE "survey_responses_unpartitioned";--> statement-breakpoint
ALTER TABLE "experience_events" ADD CONSTRAINT "experience_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_events" ADD CONSTRAINT "experience_events_end_user_id_end_users_id_fk" FOREIGN KEY ("end_user_id") REFERENCES "public"."end_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_events" ADD CONSTRAINT "experience_events_experience_id_experiences_id_fk" FOREIGN KEY ("experience_id") REFERENCES "public"."experiences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_experience_id_experiences_id_fk" FOREIGN KEY ("experience_id") REFERENCES "public"."experiences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_end_user_id_end_users_id_fk" FOREIGN KEY ("end_user_id") REFERENCES "public"."end_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_receipts" ADD CONSTRAINT "event_receipts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_user_state" ADD CONSTRAINT "experience_user_state_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_user_state" ADD CONSTRAINT "experience_user_state_end_user_id_end_users_id_fk" FOREIGN KEY ("end_user_id") REFERENCES "public"."end_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_user_state" ADD CONSTRAINT "experience_user_state_experience_id_experiences_id_fk" FOREIGN KEY ("experience_id") REFERENCES "public"."experiences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "experience_events_experience_idx" ON "experience_events" USING btree ("experience_id","type");--> statement-breakpoint
CREATE INDEX "experience_events_user_idx" ON "experience_events" USING btree ("end_user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "experience_events_workspace_time_idx" ON "experience_events" USING btree ("workspace_id","occurred_at");--> statement-breakpoint
CREATE INDEX "survey_responses_experience_idx" ON "survey_responses" USING btree ("experience_id","created_at");--> statement-breakpoint
CREATE INDEX "experience_user_state_experience_idx" ON "experience_user_state" USING btree ("experience_id");--> statement-breakpoint
-- One upsert per event that concerns an experience; LEAST/GREATEST skip NULLs, so each column keeps
-- its first or latest time whatever order events arrive in.
CREATE FUNCTION herald_track_experience_state() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.experience_id IS NULL THEN
		RETURN NULL;
	END IF;
	INSERT INTO experience_user_state AS s (workspace_id, end_user_id, experience_id, views, first_viewed_at, last_viewed_at, completed_at, dismissed_at, last_event_at)
	VALUES (
		NEW.workspace_id, NEW.end_user_id, NEW.experience_id,
		CASE WHEN NEW.type = 'view' THEN 1 ELSE 0 END,
		CASE WHEN NEW.type = 'view' THEN NEW.occurred_at END,
		CASE WHEN NEW.type = 'view' THEN NEW.occurred_at END,
		CASE WHEN NEW.type = 'complete' THEN NEW.occurred_at END,
		CASE WHEN NEW.type = 'dismiss' THEN NEW.occurred_at END,
		NEW.occurred_at)
	ON CONFLICT (end_user_id, experience_id) DO UPDATE SET
		views = s.views + EXCLUDED.views,
		first_viewed_at = LEAST(s.first_viewed_at, EXCLUDED.first_viewed_at),
		last_viewed_at = GREATEST(s.last_viewed_at, EXCLUDED.last_viewed_at),
		completed_at = LEAST(s.completed_at, EXCLUDED.completed_at),
		dismissed_at = GREATEST(s.dismissed_at, EXCLUDED.dismissed_at),
		last_event_at = GREATEST(s.last_event_at, EXCLUDED.last_event_at);
	RETURN NULL;
END $$;
--> statement-breakpoint
INSERT INTO "experience_user_state" ("workspace_id", "end_user_id", "experience_id", "views", "first_viewed_at", "last_viewed_at", "completed_at", "dismissed_at", "last_event_at")
	SELECT "workspace_id", "end_user_id", "experience_id",
		count(*) FILTER (WHERE "type" = 'view'),
		min("occurred_at") FILTER (WHERE "type" = 'view'),
		max("occurred_at") FILTER (WHERE "type" = 'view'),
		min("occurred_at") FILTER (WHERE "type" = 'complete'),
		max("occurred_at") FILTER (WHERE "type" = 'dismiss'),
		max("occurred_at")
	FROM "experience_events" WHERE "experience_id" IS NOT NULL
	GROUP BY "workspace_id", "end_user_id", "experience_id";
--> statement-breakpoint
-- identify links two devices of one person: their states combine by the same rules.
CREATE FUNCTION herald_merge_experience_state(from_user uuid, into_user uuid) RETURNS void LANGUAGE sql AS $$
	INSERT INTO experience_user_state AS s (workspace_id, end_user_id, experience_id, views, first_viewed_at, last_viewed_at, completed_at, dismissed_at, last_event_at)
	SELECT workspace_id, into_user, experience_id, views, first_viewed_at, last_viewed_at, completed_at, dismissed_at, last_event_at
	FROM experience_user_state WHERE end_user_id = from_user
	ON CONFLICT (end_user_id, experience_id) DO UPDATE SET
		views = s.views + EXCLUDED.views,
		first_viewed_at = LEAST(s.first_viewed_at, EXCLUDED.first_viewed_at),
		last_viewed_at = GREATEST(s.last_viewed_at, EXCLUDED.last_viewed_at),
		completed_at = LEAST(s.completed_at, EXCLUDED.completed_at),
		dismissed_at = GREATEST(s.dismissed_at, EXCLUDED.dismissed_at),
		last_event_at = GREATEST(s.last_event_at, EXCLUDED.last_event_at);
	DELETE FROM experience_user_state WHERE end_user_id = from_user;
$$;
--> statement-breakpoint
CREATE TRIGGER "experience_events_track_state" AFTER INSERT ON "experience_events" FOR EACH ROW EXECUTE FUNCTION herald_track_experience_state();
