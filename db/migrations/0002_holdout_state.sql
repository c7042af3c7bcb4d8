ALTER TABLE "experience_user_state" ADD COLUMN "held_out_at" timestamp with time zone;--> statement-breakpoint
-- Merging two devices keeps the earliest hold-out too.
CREATE OR REPLACE FUNCTION herald_merge_experience_state(from_user uuid, into_user uuid) RETURNS void LANGUAGE sql AS $$
	INSERT INTO experience_user_state AS s (workspace_id, end_user_id, experience_id, views, first_viewed_at, last_viewed_at, completed_at, dismissed_at, held_out_at, last_event_at)
	SELECT workspace_id, into_user, experience_id, views, first_viewed_at, last_viewed_at, completed_at, dismissed_at, held_out_at, last_event_at
	FROM experience_user_state WHERE end_user_id = from_user
	ON CONFLICT (end_user_id, experience_id) DO UPDATE SET
		views = s.views + EXCLUDED.views,
		first_viewed_at = LEAST(s.first_viewed_at, EXCLUDED.first_viewed_at),
		last_viewed_at = GREATEST(s.last_viewed_at, EXCLUDED.last_viewed_at),
		completed_at = LEAST(s.completed_at, EXCLUDED.completed_at),
		dismissed_at = GREATEST(s.dismissed_at, EXCLUDED.dismissed_at),
		held_out_at = LEAST(s.held_out_at, EXCLUDED.held_out_at),
		last_event_at = GREATEST(s.last_event_at, EXCLUDED.last_event_at);
	DELETE FROM experience_user_state WHERE end_user_id = from_user;
$$;
