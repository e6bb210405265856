-- Read model: one row per ticket, rebuilt from the event store by the ticket-summary processor.
-- Support's queue filters it by status, assignee, form, upgrade date and the next pending deadline.
CREATE TABLE ticket_summary (
    ticket_id            VARCHAR(100) NOT NULL,
    case_id              VARCHAR(100) NOT NULL,
    engagement_id        VARCHAR(100),
    organisation         VARCHAR(200),
    form                 VARCHAR(30)  NOT NULL,
    priority             VARCHAR(20)  NOT NULL,
    status               VARCHAR(20)  NOT NULL,
    assignee             VARCHAR(200),
    csm                  VARCHAR(200),
    csm_source           VARCHAR(20),
    pairing_engineer     VARCHAR(200),
    information_complete BOOLEAN      NOT NULL,
    deficiencies         TEXT         NOT NULL,
    upgrade_date         DATE,
    upgrade_timezone     VARCHAR(200),
    upgrade_at           TIMESTAMP WITH TIME ZONE,
    call_state           VARCHAR(20)  NOT NULL,
    call_link_timing     VARCHAR(20),
    call_link_warning    VARCHAR(500),
    -- the ticket's pending deadlines (SPEC T7, T9); null when none is pending
    call_link_due_at     TIMESTAMP WITH TIME ZONE,
    call_due_at          TIMESTAMP WITH TIME ZONE,
    on_hold_until        TIMESTAMP WITH TIME ZONE,
    -- the earliest of the three, kept by the projection (the queue's deadline-soon filter)
    next_deadline_at     TIMESTAMP WITH TIME ZONE,
    outcome              VARCHAR(20),
    postponement_reasons VARCHAR(200),
    migration_problems   INTEGER      NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT       NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ticket_summary_pkey PRIMARY KEY (ticket_id)
);
CREATE INDEX ticket_summary_queue_idx ON ticket_summary (created_at, ticket_id);
CREATE INDEX ticket_summary_status_idx ON ticket_summary (status, created_at);
CREATE INDEX ticket_summary_assignee_idx ON ticket_summary (assignee);
CREATE INDEX ticket_summary_next_deadline_idx ON ticket_summary (next_deadline_at);
