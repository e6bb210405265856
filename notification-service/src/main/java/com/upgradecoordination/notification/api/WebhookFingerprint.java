package com.upgradecoordination.notification.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What may be shown of a webhook URL, which is a secret: a fingerprint (the first
 * {@value #LENGTH} hex digits of its SHA-256, enough to tell two URLs apart and not to recover
 * one) and its host.
 */
public final class WebhookFingerprint {

    public static final int LENGTH = 12;

    private WebhookFingerprint() {
    }

    /** The fingerprint of {@code url}; null for null. */
    public static String of(String url) {
        if (url == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, LENGTH);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** The URL's host, e.g. {@code hooks.slack.com}; null when it has none. */
    public static String hostOf(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** {@code host…fingerprint}, e.g. {@code hooks.slack.com…3f2a9c01b7de}: for log lines and failure reasons. */
    public static String masked(String url) {
        return hostOf(url) + "…" + of(url);
    }
}
