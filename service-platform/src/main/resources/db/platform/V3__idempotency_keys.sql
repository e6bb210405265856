-- Commands sent with an Idempotency-Key, per authenticated principal: a retry with the same key
-- and the same request gets the stored response instead of running the command again.
-- A row without response_status is pending: its request is still running (or died; a pending row
-- older than a minute may be taken over by a retry). Rows are kept; nothing expires them yet.
-- Written to also run on H2 in PostgreSQL mode (the local run's embedded database).
CREATE TABLE idempotency_key (
    principal             VARCHAR(255)  NOT NULL,
    idempotency_key       VARCHAR(200)  NOT NULL,
    -- SHA-256 (hex) of method, path and query, and the request body's bytes
    request_fingerprint   VARCHAR(64)   NOT NULL,
    -- who runs the request now; a take-over or a completion names it
    claim_token           VARCHAR(36)   NOT NULL,
    response_status       INTEGER,
    response_content_type VARCHAR(255),
    response_location     VARCHAR(2000),
    response_body         TEXT,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT idempotency_key_pkey PRIMARY KEY (principal, idempotency_key)
);
