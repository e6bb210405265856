-- Case directory: who the CSM and the customer of a case are, remembered from EngagementOpened on
-- Kafka (not rebuilt from this service's event store). One row per case, written once.
CREATE TABLE case_contact (
    case_id               VARCHAR(100) NOT NULL,
    csm                   VARCHAR(200) NOT NULL,
    customer_organisation VARCHAR(200),
    source_event_id       VARCHAR(100) NOT NULL,
    recorded_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT case_contact_pkey PRIMARY KEY (case_id)
);

-- Read model: the INBOX channel, one row per notification, rebuilt from the event store by the
-- inbox processor. read_at is set by marking the notification read (a plain update for now).
CREATE TABLE inbox_entry (
    notification_id   VARCHAR(64)   NOT NULL,
    recipient         VARCHAR(200)  NOT NULL,
    case_id           VARCHAR(100)  NOT NULL,
    source_event_type VARCHAR(100)  NOT NULL,
    message           VARCHAR(2000) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT inbox_entry_pkey PRIMARY KEY (notification_id)
);
CREATE INDEX inbox_entry_recipient_idx ON inbox_entry (recipient, created_at);
