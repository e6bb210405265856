package com.upgradecoordination.notification.api;

/**
 * How a notification reaches its recipient (SPEC N2): the recipient's inbox over HTTP (with its
 * live stream), an email over SMTP, or a JSON POST to a Slack-compatible incoming webhook.
 */
public enum Channel { INBOX, EMAIL, WEBHOOK }
