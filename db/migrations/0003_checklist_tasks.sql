ALTER TABLE "experience_user_state" ADD COLUMN "done_tasks" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- A task event adds its task id (in `name`) to the set, once; every other event leaves it as it is.
CREATE OR REPLACE FUNCTION herald_track_experience_state() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.experience_id IS NULL THEN
		RETURN NULL;
	END IF;
	INSERT INTO experience_user_state AS s (workspace_id, end_user_id, experience_id, views, first_viewed_at, last_viewed_at, completed_at, dismissed_at, done_tasks, last_event_at)
	VALUES (
		NEW.workspace_id, NEW.end_user_id, NEW.experience_id,
		CASE WHEN NEW.type = 'view' THEN 1 ELSE 0 END,
		CASE WHEN NEW.type = 'view' THEN NEW.occurred_at END,
		CASE WHEN NEW.type = 'view' THEN NEW.occurred_at END,
		CASE WHEN NEW.type = 'complete' THEN NEW.occurred_at END,
		CASE WHEN NEW.type = 'dismiss' THEN NEW.occurred_at END,
		CASE WHEN NEW.type = 'task' AND NEW.name IS NOT NULL THEN ARRAY[NEW.name] ELSE '{}'::text[] END,
		NEW.occurred_at)
	ON CONFLICT (end_user_id, experience_id) DO UPDATE SET
		views = s.views + EXCLUDED.views,
		first_viewed_at = LEAST(s.first_viewed_at, EXCLUDED.first_viewed_at),
		last_viewed_at = GREATEST(s.last_viewed_at, EXCLUDED.last_viewed_at),
		completed_at = LEAST(s.completed_at, EXCLUDED.completed_at),
		dismissed_at = GREATEST(s.dismissed_at, EXCLUDED.dismissed_at),
		done_tasks = CASE WHEN EXCLUDED.done_tasks <@ s.done_tasks THEN s.done_tasks ELSE s.done_tasks || EXCLUDED.done_tasks END,
		last_event_at = GREATEST(s.last_event_at, EXCLUDED.last_event_at);
	RETURN NULL;
END $$;
--> statement-breakpoint
-- Merging two devices (identify) keeps the tasks done on either.
CREATE OR REPLACE FUNCTION herald_merge_experience_state(from_user uuid, into_user uuid) RETURNS void LANGUAGE sql AS $$
	INSERT INTO experience_user_state AS s (workspace_id, end_user_id, experience_id, views, first_viewed_at, last_viewed_at, completed_at, dismissed_at, held_out_at, done_tasks, last_event_at)
	SELECT workspace_id, into_user, experience_id, views, first_viewed_at, last_viewed_at, completed_at, dismissed_at, held_out_at, done_tasks, last_event_at
	FROM experience_user_state WHERE end_user_id = from_user
	ON CONFLICT (end_user_id, experience_id) DO UPDATE SET
		views = s.views + EXCLUDED.views,
		first_viewed_at = LEAST(s.first_viewed_at, EXCLUDED.first_viewed_at),
		last_viewed_at = GREATEST(s.last_viewed_at, EXCLUDED.last_viewed_at),
		completed_at = LEAST(s.completed_at, EXCLUDED.completed_at),
		dismissed_at = GREATEST(s.dismissed_at, EXCLUDED.dismissed_at),
		held_out_at = LEAST(s.held_out_at, EXCLUDED.held_out_at),
		done_tasks = ARRAY(SELECT DISTINCT t FROM unnest(s.done_tasks || EXCLUDED.done_tasks) AS t ORDER BY t),
		last_event_at = GREATEST(s.last_event_at, EXCLUDED.last_event_at);
	DELETE FROM experience_user_state WHERE end_user_id = from_user;
$$;
--> statement-breakpoint
-- Task events stored before this migration (none are expected) are counted in.
UPDATE experience_user_state s SET done_tasks = t.ids
	FROM (SELECT end_user_id, experience_id, array_agg(DISTINCT name ORDER BY name) AS ids FROM experience_events
		WHERE type = 'task' AND name IS NOT NULL AND experience_id IS NOT NULL GROUP BY end_user_id, experience_id) t
	WHERE s.end_user_id = t.end_user_id AND s.experience_id = t.experience_id;
