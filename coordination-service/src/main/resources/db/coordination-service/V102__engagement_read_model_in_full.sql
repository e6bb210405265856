-- The engagement in full and the list's filters (issue 4 item 8). Rebuilt by the engagement-summary processor.
ALTER TABLE engagement_summary ADD COLUMN current_step VARCHAR(40);
ALTER TABLE engagement_summary ADD COLUMN opened_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE engagement_summary ADD COLUMN deployment_type VARCHAR(40);
ALTER TABLE engagement_summary ADD COLUMN target_completion_date DATE;
ALTER TABLE engagement_summary ADD COLUMN professional_services_strength VARCHAR(40);
ALTER TABLE engagement_summary ADD COLUMN professional_services_decision VARCHAR(20);
ALTER TABLE engagement_summary ADD COLUMN professional_services_decline_reason VARCHAR(4000);
ALTER TABLE engagement_summary ADD COLUMN timeline_risk BOOLEAN NOT NULL DEFAULT FALSE;
-- the latest plan as JSON text, composed by the projection (PostgreSQL and H2 alike, D7)
ALTER TABLE engagement_summary ADD COLUMN latest_plan TEXT;
ALTER TABLE engagement_summary ADD COLUMN revision_outcome VARCHAR(40);
ALTER TABLE engagement_summary ADD COLUMN returned_to_planning BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE engagement_summary ADD COLUMN migration_started BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE engagement_summary ADD COLUMN migration_completed BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE engagement_summary ADD COLUMN closing_outcome VARCHAR(20);

CREATE INDEX engagement_summary_list_order_idx ON engagement_summary (opened_at DESC, engagement_id);
CREATE INDEX engagement_summary_customer_idx ON engagement_summary (customer_organisation);
CREATE INDEX engagement_summary_step_idx ON engagement_summary (current_step);
CREATE INDEX engagement_summary_target_date_idx ON engagement_summary (target_completion_date);

-- Each deviation step (SPEC C6 a-h) as done on a plan version, when and by whom.
CREATE TABLE engagement_deviation_step (
    engagement_id VARCHAR(64)  NOT NULL,
    plan_version  INTEGER      NOT NULL,
    step          VARCHAR(40)  NOT NULL,
    done_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    done_by       VARCHAR(200),
    CONSTRAINT engagement_deviation_step_pkey PRIMARY KEY (engagement_id, plan_version, step)
);

-- Questions to other teams (SPEC C4); answered_at is null while open.
CREATE TABLE engagement_assistance_request (
    engagement_id VARCHAR(64)   NOT NULL,
    request_id    VARCHAR(64)   NOT NULL,
    team          VARCHAR(40)   NOT NULL,
    question      VARCHAR(4000) NOT NULL,
    asked_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    asked_by      VARCHAR(200),
    answered_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT engagement_assistance_request_pkey PRIMARY KEY (engagement_id, request_id)
);

-- Plans shared with Support (SPEC C7); completed_at is null while the review is pending.
CREATE TABLE engagement_plan_review (
    engagement_id  VARCHAR(64) NOT NULL,
    plan_review_id VARCHAR(64) NOT NULL,
    plan_version   INTEGER     NOT NULL,
    shared_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at   TIMESTAMP WITH TIME ZONE,
    summary        TEXT,
    CONSTRAINT engagement_plan_review_pkey PRIMARY KEY (engagement_id, plan_review_id)
);
