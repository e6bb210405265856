-- Read model: every notification and where its delivery stands, rebuilt from the event store by the
-- notification-status processor. The delivery worker picks QUEUED rows whose next attempt is due;
-- claimed_until keeps other polls off a row while one attempt is under way (the worker's only write).
CREATE TABLE notification_status (
    notification_id   VARCHAR(64)   NOT NULL,
    case_id           VARCHAR(100)  NOT NULL,
    source_event_id   VARCHAR(100)  NOT NULL,
    source_event_type VARCHAR(100)  NOT NULL,
    recipient         VARCHAR(200)  NOT NULL,
    channel           VARCHAR(20)   NOT NULL,
    address           VARCHAR(2000),
    message           VARCHAR(2000) NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    attempts          INTEGER       NOT NULL,
    last_error        VARCHAR(2000),
    next_attempt_at   TIMESTAMP WITH TIME ZONE,
    claimed_until     TIMESTAMP WITH TIME ZONE,
    correlation_id    VARCHAR(500),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT notification_status_pkey PRIMARY KEY (notification_id)
);
CREATE INDEX notification_status_due_idx ON notification_status (status, next_attempt_at);
CREATE INDEX notification_status_updated_idx ON notification_status (status, updated_at);

-- Read model: where each recipient is reached besides the inbox, rebuilt from the Recipient aggregates.
CREATE TABLE recipient_address (
    recipient   VARCHAR(200)  NOT NULL,
    email       VARCHAR(254),
    webhook_url VARCHAR(2000),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT recipient_address_pkey PRIMARY KEY (recipient)
);

-- read_at of inbox_entry is now set from NotificationRead events, so a rebuild keeps it.
