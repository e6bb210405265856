-- What review-service knows of coordination-service's engagements (from EngagementOpened on Kafka):
-- the customer and its CSM, so a ticket of the organisation gets its CSM as follower (SPEC T3).
CREATE TABLE engagement_directory (
    engagement_id         VARCHAR(100) NOT NULL,
    customer_organisation VARCHAR(200) NOT NULL,
    -- LOWER(customer_organisation), written with it: organisation names compare ignoring case, and
    -- H2 (the local run, D7) has no index on an expression
    organisation_key      VARCHAR(200) NOT NULL,
    csm                   VARCHAR(200) NOT NULL,
    opened_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT engagement_directory_pkey PRIMARY KEY (engagement_id)
);
CREATE INDEX engagement_directory_organisation_idx ON engagement_directory (organisation_key, opened_at);
