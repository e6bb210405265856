-- Read model: one row per engagement, rebuilt from the event store by the engagement-summary processor.
CREATE TABLE engagement_summary (
    engagement_id          VARCHAR(64)  NOT NULL,
    customer_organisation  VARCHAR(200) NOT NULL,
    csm                    VARCHAR(200) NOT NULL,
    status                 VARCHAR(40)  NOT NULL,
    reference_size         VARCHAR(10),
    expected_users         INTEGER,
    latest_plan_version    INTEGER      NOT NULL,
    latest_plan_conforms   BOOLEAN,
    deviation_count        INTEGER      NOT NULL,
    justified_plan_version INTEGER,
    support_review_id      VARCHAR(64),
    support_review_status  VARCHAR(20),
    support_review_verdict VARCHAR(40),
    version                BIGINT       NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT engagement_summary_pkey PRIMARY KEY (engagement_id)
);
CREATE INDEX engagement_summary_csm_idx ON engagement_summary (csm);
