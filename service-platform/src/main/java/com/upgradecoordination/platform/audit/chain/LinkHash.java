package com.upgradecoordination.platform.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a link's hash is computed (version 1 of the scheme, documented in docs/auditor-guide.md):
 * each covered column is digested on its own, {@code SHA-256(0x00)} for SQL NULL and
 * {@code SHA-256(0x01 || bytes)} otherwise; the link's hash is
 * {@code SHA-256("event-hash-chain/v1" || previous hash (hex, ASCII) || the column digests in column order)}.
 * Keeping the column digests lets a verification say which column no longer matches.
 */
final class LinkHash {

    static final String GENESIS = "0".repeat(64);
    private static final byte[] SCHEME = "event-hash-chain/v1".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    private LinkHash() {
    }

    /** Column name to hex SHA-256 of the column, in the row's column order. */
    static Map<String, String> columnDigests(StoredEventRow row) {
        Map<String, String> digests = new LinkedHashMap<>();
        row.columns().forEach((column, bytes) -> digests.put(column, HEX.formatHex(digestOf(bytes))));
        return digests;
    }

    static String hash(String previousHash, Map<String, String> columnDigests) {
        MessageDigest sha256 = sha256();
        sha256.update(SCHEME);
        sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        columnDigests.values().forEach(digest -> sha256.update(HEX.parseHex(digest)));
        return HEX.formatHex(sha256.digest());
    }

    /** {@code column=digest;column=digest;...} as stored in {@code event_hash_chain.column_digests}. */
    static String format(Map<String, String> columnDigests) {
        return columnDigests.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }

    static Map<String, String> parse(String stored) {
        Map<String, String> digests = new LinkedHashMap<>();
        if (stored == null || stored.isBlank()) {
            return digests;
        }
        for (String pair : stored.split(";")) {
            String[] sides = pair.split("=", 2);
            if (sides.length == 2) {
                digests.put(sides[0], sides[1]);
            }
        }
        return digests;
    }

    private static byte[] digestOf(byte[] column) {
        MessageDigest sha256 = sha256();
        if (column == null) {
            sha256.update((byte) 0);
        } else {
            sha256.update((byte) 1);
            sha256.update(column);
        }
        return sha256.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
