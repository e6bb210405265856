-- Tamper evidence (SPEC A4): every stored event is a link in its aggregate's hash chain, written
-- in the same transaction as the event itself. hash = SHA-256 over the stored row's columns (as
-- read back in that transaction) and the previous link's hash; the first link's previous hash is
-- 64 zeros. column_digests keeps the SHA-256 of each column, so a verification can name the
-- column that changed. See docs/auditor-guide.md, "How it works".
-- Written to also run on H2 in PostgreSQL mode (the local run's embedded database).
CREATE TABLE event_hash_chain (
    aggregate_identifier VARCHAR(255)  NOT NULL,
    sequence_number      BIGINT        NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    -- the upgrade case the aggregate belongs to, as the service's integration-event translator
    -- names it (inherited from the aggregate's earlier links); not part of the hash
    case_id              VARCHAR(255),
    previous_hash        VARCHAR(64)   NOT NULL,
    hash                 VARCHAR(64)   NOT NULL,
    column_digests       VARCHAR(1000) NOT NULL,
    chained_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT event_hash_chain_pkey PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT event_hash_chain_event_key UNIQUE (event_identifier)
);
CREATE INDEX event_hash_chain_case_idx ON event_hash_chain (case_id);
