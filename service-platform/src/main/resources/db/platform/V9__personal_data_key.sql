-- One encryption key per person for the fields marked @PersonalData in stored events
-- (crypto-shredding, docs/personal-data.md). Found by the SHA-256 of the person's identifier, never
-- by the identifier. Erasing a person empties secret and sets erased_at; the row stays as a record.
-- Written to also run on H2 in PostgreSQL mode (the local run's embedded database).
CREATE TABLE personal_data_key (
    key_id      VARCHAR(36) NOT NULL,
    person_hash VARCHAR(64) NOT NULL,
    secret      BYTEA,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    erased_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT personal_data_key_pkey PRIMARY KEY (key_id)
);
CREATE INDEX personal_data_key_person_idx ON personal_data_key (person_hash);
