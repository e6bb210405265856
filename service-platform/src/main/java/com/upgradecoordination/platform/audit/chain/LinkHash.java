package com.upgradecoordination.platform.audit.chain;

import static com.upgradecoordination.platform.audit.chain.StoredEventRow.COLUMN_NAMES;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a link's hash is computed (version 1 of the scheme, documented in docs/auditor-guide.md):
 * each covered column is digested on its own, {@code SHA-256(0x00)} for SQL NULL and
 * {@code SHA-256(0x01 || bytes)} otherwise; the link's hash is
 * {@code SHA-256("event-hash-chain/v1" || previous hash (hex, ASCII) || the column digests in column order)}.
 * Keeping the column digests lets a verification say which column no longer matches.
 *
 * <p>A row's column digests are handled as one array, the nine 32-byte digests in column order:
 * exactly the bytes the link's hash covers after the previous hash. An instance keeps one SHA-256
 * for all the digests it computes, so it serves one thread: one verification or one append.
 */
final class LinkHash {

    static final String GENESIS = "0".repeat(64);
    private static final byte[] SCHEME = "event-hash-chain/v1".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();
    private static final int DIGEST_BYTES = 32;
    private static final int HEX_DIGITS = 2 * DIGEST_BYTES;
    /** The length of {@link #format}'s text: each {@code name=digest}, and a {@code ;} between two. */
    private static final int FORMATTED_LENGTH = COLUMN_NAMES.stream().mapToInt(name -> name.length() + 1 + HEX_DIGITS)
            .sum() + COLUMN_NAMES.size() - 1;

    /** Each column's {@code name=} as {@link #format} writes it. */
    private static final List<String> LABELS = COLUMN_NAMES.stream().map(name -> name + "=").toList();

    private final MessageDigest sha256;

    LinkHash() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The row's column digests, in {@link StoredEventRow#COLUMN_NAMES} order. */
    byte[] columnDigests(StoredEventRow row) {
        byte[][] columns = row.columnValues();
        byte[] digests = new byte[columns.length * DIGEST_BYTES];
        for (int column = 0; column < columns.length; column++) {
            if (columns[column] == null) {
                sha256.update((byte) 0);
            } else {
                sha256.update((byte) 1);
                sha256.update(columns[column]);
            }
            digestInto(digests, column * DIGEST_BYTES);
        }
        return digests;
    }

    /** The link's hash, as lowercase hex. */
    String hash(String previousHash, byte[] columnDigests) {
        sha256.update(SCHEME);
        sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        sha256.update(columnDigests);
        return HEX.formatHex(sha256.digest());
    }

    private void digestInto(byte[] digests, int offset) {
        try {
            sha256.digest(digests, offset, DIGEST_BYTES);
        } catch (DigestException e) {
            throw new IllegalStateException("room for a SHA-256 digest was made", e);
        }
    }

    /** {@code column=digest;column=digest;...} as stored in {@code event_hash_chain.column_digests}. */
    static String format(byte[] columnDigests) {
        StringBuilder formatted = new StringBuilder(FORMATTED_LENGTH);
        for (int column = 0; column < COLUMN_NAMES.size(); column++) {
            if (column > 0) {
                formatted.append(';');
            }
            formatted.append(COLUMN_NAMES.get(column)).append('=').append(digestHex(columnDigests, column));
        }
        return formatted.toString();
    }

    /** One column's digest in {@code columnDigests}, as lowercase hex (as {@link #format} writes it). */
    static String digestHex(byte[] columnDigests, int column) {
        return HEX.formatHex(columnDigests, column * DIGEST_BYTES, (column + 1) * DIGEST_BYTES);
    }

    /**
     * The digests of a stored {@code column_digests} text as its link's hash covers them: each value
     * of {@link #parseByName} parsed from hex, in that order (the names are not hashed). Text as
     * {@link #format} writes it is read in one pass; any other (only an altered link has one) the
     * general way, which reads it as it always has.
     */
    static byte[] parseDigests(String stored) {
        byte[] asFormatted = parseFormatted(stored);
        if (asFormatted != null) {
            return asFormatted;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        parseByName(stored).values().forEach(digest -> bytes.writeBytes(HEX.parseHex(digest)));
        return bytes.toByteArray();
    }

    /** Column name to hex digest as stored, in the order stored; pairs without {@code =} are skipped. */
    static Map<String, String> parseByName(String stored) {
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

    /** The digests of a text exactly in {@link #format}'s layout (hex of either case); {@code null} for any other. */
    private static byte[] parseFormatted(String stored) {
        if (stored == null || stored.length() != FORMATTED_LENGTH) {
            return null;
        }
        byte[] digests = new byte[COLUMN_NAMES.size() * DIGEST_BYTES];
        int at = 0;
        for (int column = 0; column < COLUMN_NAMES.size(); column++) {
            String label = LABELS.get(column);
            if ((column > 0 && stored.charAt(at++) != ';') || !stored.startsWith(label, at)) {
                return null;
            }
            at += label.length();
            try {
                System.arraycopy(HEX.parseHex(stored, at, at + HEX_DIGITS), 0, digests, column * DIGEST_BYTES,
                        DIGEST_BYTES);
            } catch (IllegalArgumentException notHex) {
                return null;
            }
            at += HEX_DIGITS;
        }
        return digests;
    }
}
