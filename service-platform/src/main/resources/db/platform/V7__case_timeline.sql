-- One chronological view of a case across the services (SPEC A3), built from the integration-event
-- topics by the case-timeline consumer (enabled per service by platform.audit.case-timeline.enabled).
-- One row per envelope; the event id is unique, so a redelivered record changes nothing.
-- Written to also run on H2 in PostgreSQL mode (the local run's embedded database).
CREATE TABLE case_timeline (
    event_id           VARCHAR(100)  NOT NULL,
    case_id            VARCHAR(255)  NOT NULL,
    occurred_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    service            VARCHAR(100),
    type               VARCHAR(100)  NOT NULL,
    schema_version     INTEGER       NOT NULL,
    aggregate_type     VARCHAR(255),
    aggregate_id       VARCHAR(255),
    aggregate_sequence BIGINT,
    actor              VARCHAR(255),
    actor_role         VARCHAR(100),
    correlation_id     VARCHAR(255),
    causation_id       VARCHAR(255),
    origin             VARCHAR(2000),
    payload            TEXT          NOT NULL,
    source             VARCHAR(300)  NOT NULL,
    CONSTRAINT case_timeline_pkey PRIMARY KEY (event_id)
);
CREATE INDEX case_timeline_case_idx ON case_timeline (case_id, occurred_at);
