package com.upgradecoordination.notification.domain;

/**
 * Where the recipients' webhook URLs are kept: outside the event store, because a webhook URL is a
 * secret and events are kept for ever, published and shown to auditors. The Recipient aggregate
 * writes it in the transaction of the event that records the change (a fingerprint only).
 */
public interface WebhookUrls {

    /** Sets or replaces the recipient's webhook URL. */
    void store(String recipient, String url);

    /** Removes the recipient's webhook URL, if any. */
    void remove(String recipient);
}
