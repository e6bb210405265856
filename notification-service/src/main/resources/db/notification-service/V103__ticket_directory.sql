-- Ticket directory: who works and follows each Support ticket, remembered from review-service's
-- ticket events on Kafka (not rebuilt from this service's event store), so that rules can address
-- the assigned engineer and the CSM of ticket events whose payload does not name them.
CREATE TABLE ticket_contact (
    ticket_id         VARCHAR(100) NOT NULL,
    case_id           VARCHAR(100) NOT NULL,
    organisation      VARCHAR(200),
    assigned_engineer VARCHAR(200),
    csm               VARCHAR(200),
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ticket_contact_pkey PRIMARY KEY (ticket_id)
);
