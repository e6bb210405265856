-- The tickets of each engagement and whether they are still open (neither solved nor closed), kept
-- in the same transaction as the ticket's events by a subscribing processor, so that a migration
-- problem finds the ticket an earlier problem opened a moment ago (SPEC C8).
CREATE TABLE engagement_ticket (
    ticket_id     VARCHAR(100) NOT NULL,
    engagement_id VARCHAR(100) NOT NULL,
    open          BOOLEAN      NOT NULL,
    opened_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT engagement_ticket_pkey PRIMARY KEY (ticket_id)
);
CREATE INDEX engagement_ticket_engagement_idx ON engagement_ticket (engagement_id, open, opened_at);
