-- Read model: one row per plan review and one per feedback item, rebuilt from the event store by
-- the plan-review-summary processor. Support's queue reads reviews by status (and engagement) in
-- the order they opened; a review's feedback reads in the order it was given.
CREATE TABLE plan_review_summary (
    plan_review_id        VARCHAR(100)  NOT NULL,
    engagement_id         VARCHAR(100)  NOT NULL,
    plan_version          INTEGER       NOT NULL,
    customer_organisation VARCHAR(200)  NOT NULL,
    csm                   VARCHAR(200)  NOT NULL,
    reference_size        VARCHAR(20)   NOT NULL,
    plan_document_url     VARCHAR(2000),
    conforms              BOOLEAN       NOT NULL,
    deviation_count       INTEGER       NOT NULL,
    status                VARCHAR(20)   NOT NULL,
    assignee              VARCHAR(200),
    feedback_count        INTEGER       NOT NULL,
    summary               VARCHAR(4000),
    reviewer              VARCHAR(200),
    reviewer_role         VARCHAR(40),
    opened_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at          TIMESTAMP WITH TIME ZONE,
    version               BIGINT        NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT plan_review_summary_pkey PRIMARY KEY (plan_review_id)
);
CREATE INDEX plan_review_summary_status_idx ON plan_review_summary (status, opened_at);
CREATE INDEX plan_review_summary_engagement_idx ON plan_review_summary (engagement_id, opened_at);

CREATE TABLE plan_review_feedback (
    plan_review_id VARCHAR(100)  NOT NULL,
    sequence       BIGINT        NOT NULL,
    topic          VARCHAR(40)   NOT NULL,
    text           VARCHAR(4000) NOT NULL,
    given_by       VARCHAR(200)  NOT NULL,
    given_by_role  VARCHAR(40)   NOT NULL,
    given_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT plan_review_feedback_pkey PRIMARY KEY (plan_review_id, sequence)
);
