-- Integration events a Kafka consumer of this service has handled: the consumer's deduplication
-- (at-least-once delivery, effect once). A row is written in the same transaction as the effect.
CREATE TABLE processed_integration_event (
    consumer     VARCHAR(100)  NOT NULL,
    event_id     VARCHAR(100)  NOT NULL,
    event_type   VARCHAR(100)  NOT NULL,
    source       VARCHAR(300)  NOT NULL,
    outcome      VARCHAR(20)   NOT NULL,
    detail       VARCHAR(2000),
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT processed_integration_event_pkey PRIMARY KEY (consumer, event_id)
);
