-- Issue 14: every projection writes its rows through the platform's ProjectionTable, which applies an
-- event only to a row older than it; engagement_ticket gains the version (the ticket's last applied
-- event) and update time that guard needs. Rows written before this start at version 0, so the next
-- event of their ticket applies as it did.
ALTER TABLE engagement_ticket ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE engagement_ticket ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
UPDATE engagement_ticket SET updated_at = opened_at;
ALTER TABLE engagement_ticket ALTER COLUMN updated_at SET NOT NULL;
