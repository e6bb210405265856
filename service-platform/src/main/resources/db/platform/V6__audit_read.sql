-- What was read through the audit endpoints and the services' history endpoints (SPEC A5):
-- who (principal, and the role the access table let them act in), what (method, path and query),
-- when, and the request's correlation id. Written before the read is served.
-- Written to also run on H2 in PostgreSQL mode (the local run's embedded database).
CREATE TABLE audit_read (
    id             BIGSERIAL     NOT NULL,
    principal      VARCHAR(255)  NOT NULL,
    role           VARCHAR(100)  NOT NULL,
    method         VARCHAR(10)   NOT NULL,
    target         VARCHAR(2000) NOT NULL,
    correlation_id VARCHAR(100)  NOT NULL,
    read_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT audit_read_pkey PRIMARY KEY (id)
);
CREATE INDEX audit_read_principal_idx ON audit_read (principal, read_at);
CREATE INDEX audit_read_at_idx ON audit_read (read_at);
