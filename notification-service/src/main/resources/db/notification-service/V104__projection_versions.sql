-- Issue 14: every projection writes its rows through the platform's ProjectionTable, which applies an
-- event only to a row older than it; these read models gain the version (the sequence number of the
-- aggregate's last applied event) and, where missing, the update time that guard needs. Rows written
-- before this start at version 0, so the next event of their aggregate applies as it did.
ALTER TABLE notification_status ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

ALTER TABLE inbox_entry ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE inbox_entry ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
UPDATE inbox_entry SET updated_at = COALESCE(read_at, created_at);
ALTER TABLE inbox_entry ALTER COLUMN updated_at SET NOT NULL;

ALTER TABLE recipient_address ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
