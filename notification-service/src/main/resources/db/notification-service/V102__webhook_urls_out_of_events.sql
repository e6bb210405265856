-- Webhook URLs are secrets: kept here, outside the event store, written by the Recipient aggregate's
-- command handler in the transaction of the event that records only the URL's fingerprint. Not a
-- read model: nothing rebuilds it, and nothing but the delivery worker reads the URL.
CREATE TABLE recipient_webhook (
    recipient VARCHAR(200)  NOT NULL,
    url       VARCHAR(2000) NOT NULL,
    set_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT recipient_webhook_pkey PRIMARY KEY (recipient)
);

-- The read models no longer hold webhook URLs: a webhook notification names its URL's fingerprint,
-- and the worker looks the URL up when it delivers. The email address stays (personal data).
ALTER TABLE recipient_address DROP COLUMN webhook_url;
UPDATE notification_status SET address = NULL WHERE channel = 'WEBHOOK';
ALTER TABLE notification_status RENAME COLUMN address TO email;
ALTER TABLE notification_status ADD COLUMN webhook_fingerprint VARCHAR(12);
