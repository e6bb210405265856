-- Issue 12: the command's outcome is recorded on its Idempotency-Key row in the command's own
-- transaction, so a retry after a crash between the command's commit and the stored response
-- answers from it instead of running the command again (exactly-once effect).
ALTER TABLE idempotency_key ADD COLUMN command_result_type VARCHAR(400);
ALTER TABLE idempotency_key ADD COLUMN command_result TEXT;
ALTER TABLE idempotency_key ADD COLUMN command_committed_at TIMESTAMP WITH TIME ZONE;
