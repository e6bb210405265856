-- Read model: one row per architecture support review, rebuilt from the event store by the
-- support-review-summary processor. Support's queue reads it by status in the order reviews opened.
CREATE TABLE support_review_summary (
    review_id             VARCHAR(100) NOT NULL,
    engagement_id         VARCHAR(100) NOT NULL,
    plan_version          INTEGER      NOT NULL,
    customer_organisation VARCHAR(200) NOT NULL,
    csm                   VARCHAR(200) NOT NULL,
    reference_size        VARCHAR(20)  NOT NULL,
    deviation_count       INTEGER      NOT NULL,
    status                VARCHAR(20)  NOT NULL,
    verdict               VARCHAR(40),
    reviewer              VARCHAR(200),
    reviewer_level        VARCHAR(40),
    opened_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at          TIMESTAMP WITH TIME ZONE,
    version               BIGINT       NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT support_review_summary_pkey PRIMARY KEY (review_id)
);
CREATE INDEX support_review_summary_status_idx ON support_review_summary (status, opened_at);
CREATE INDEX support_review_summary_engagement_idx ON support_review_summary (engagement_id);
