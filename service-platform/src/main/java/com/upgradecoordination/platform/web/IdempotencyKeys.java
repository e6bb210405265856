package com.upgradecoordination.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The durable record of commands sent with an {@code Idempotency-Key} ({@code idempotency_key},
 * migrations V3 and V8), scoped per authenticated principal. Used by {@link IdempotencyFilter},
 * whose statements commit on their own, and by {@link IdempotentCommandRecorder}, whose one
 * statement joins the command's transaction.
 *
 * <p>A request first {@linkplain #claim claims} its key: a new key is inserted as pending; a known
 * key answers with what the first request got, or tells that it is still running or was used for
 * another request. The command's transaction {@linkplain #recordCommandCommitted records} its
 * outcome on the key. When the response is known it is {@linkplain #complete stored}; a response
 * that is not to be kept is {@linkplain #release released}, so that a retry runs again, unless its
 * command committed: then the key stays, and a retry answers from the command's outcome.
 */
public class IdempotencyKeys {

    /** How a claim ended. */
    public enum Outcome {
        /** The caller now runs the request and must complete or release the claim. */
        CLAIMED,
        /** The request ran before: answer with {@link Claim#response()}. */
        COMPLETED,
        /** The key was used for a different request (method, path or body). */
        KEY_REUSED,
        /** The first request with the key is still running. */
        IN_PROGRESS
    }

    /**
     * What a command committed under a claim answered: its result's class and JSON, or a recorded
     * refusal ({@link #REFUSAL_TYPE}, rule and reason).
     */
    public record CommittedCommand(String resultType, String result) {

        static final String REFUSAL_TYPE = "refusal";
        static final CommittedCommand NO_RESULT = new CommittedCommand(null, null);

        static CommittedCommand refusal(com.upgradecoordination.platform.domain.RuleViolationException refusal) {
            return new CommittedCommand(REFUSAL_TYPE, refusal.rule() + "\n" + refusal.getMessage());
        }

        /** The recorded refusal again, to answer a retry the same way. */
        com.upgradecoordination.platform.domain.RecordedRuleViolationException asRefusal() {
            int split = result.indexOf('\n');
            return new com.upgradecoordination.platform.domain.RecordedRuleViolationException(
                    result.substring(0, split), result.substring(split + 1));
        }

        boolean isRefusal() {
            return REFUSAL_TYPE.equals(resultType);
        }
    }

    /** A stored response: the status, the headers that matter and the body (UTF-8 text). */
    public record StoredResponse(int status, String contentType, String location, String body) {
    }

    /**
     * What {@link #claim} found.
     *
     * @param token     identifies the claim, to complete or release it; only with CLAIMED
     * @param response  the first request's response; only with COMPLETED
     * @param committed with CLAIMED, the outcome of the command an earlier run of the request committed
     *                  before it died (answer from it, do not run the command again); else null
     */
    public record Claim(Outcome outcome, String token, StoredResponse response, CommittedCommand committed) {
    }

    private record Row(String fingerprint, String token, Integer status, String contentType, String location,
                       String body, Timestamp createdAt, Timestamp commandCommittedAt, String commandResultType,
                       String commandResult) {

        CommittedCommand committed() {
            return commandCommittedAt == null ? null : new CommittedCommand(commandResultType, commandResult);
        }
    }

    private static final int ATTEMPTS = 3;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration takeOverAfter;

    /**
     * @param takeOverAfter how long a pending key blocks retries; after that a retry takes it over
     *                      and runs the request (its first request is taken to have died)
     */
    public IdempotencyKeys(JdbcClient jdbc, Clock clock, Duration takeOverAfter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.takeOverAfter = takeOverAfter;
    }

    /** SHA-256 (hex) of the request: method, path with query, body bytes. */
    public static String fingerprint(String method, String pathAndQuery, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(method.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(pathAndQuery.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is not available", impossible);
        }
    }

    /** Claims {@code key} of {@code principal} for a request with {@code fingerprint}. Blocks (JDBC). */
    public Claim claim(String principal, String key, String fingerprint) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String token = UUID.randomUUID().toString();
            Instant now = clock.instant();
            int inserted = jdbc.sql("""
                            INSERT INTO idempotency_key
                                (principal, idempotency_key, request_fingerprint, claim_token, created_at)
                            VALUES (:principal, :key, :fingerprint, :token, :now)
                            ON CONFLICT DO NOTHING""")
                    .param("principal", principal)
                    .param("key", key)
                    .param("fingerprint", fingerprint)
                    .param("token", token)
                    .param("now", Timestamp.from(now))
                    .update();
            if (inserted == 1) {
                return new Claim(Outcome.CLAIMED, token, null, null);
            }
            Optional<Row> found = find(principal, key);
            if (found.isEmpty()) {
                continue; // released in between: try to insert again
            }
            Row row = found.get();
            if (!row.fingerprint().equals(fingerprint)) {
                return new Claim(Outcome.KEY_REUSED, null, null, null);
            }
            if (row.status() != null) {
                return new Claim(Outcome.COMPLETED, null,
                        new StoredResponse(row.status(), row.contentType(), row.location(), row.body()), null);
            }
            if (row.createdAt().toInstant().isAfter(now.minus(takeOverAfter))) {
                return new Claim(Outcome.IN_PROGRESS, null, null, null);
            }
            int taken = jdbc.sql("""
                            UPDATE idempotency_key SET claim_token = :token, created_at = :now
                            WHERE principal = :principal AND idempotency_key = :key
                              AND claim_token = :previous AND response_status IS NULL""")
                    .param("token", token)
                    .param("now", Timestamp.from(now))
                    .param("principal", principal)
                    .param("key", key)
                    .param("previous", row.token())
                    .update();
            if (taken == 1) {
                return new Claim(Outcome.CLAIMED, token, null, row.committed());
            }
            // another retry took it over or it completed in between: look again
        }
        return new Claim(Outcome.IN_PROGRESS, null, null, null);
    }

    /**
     * Records that the claim's command committed, with its outcome; called inside the command's
     * transaction, so both commit or neither. False when the claim was taken over meanwhile.
     */
    public boolean recordCommandCommitted(IdempotencyClaim claim, CommittedCommand outcome) {
        return jdbc.sql("""
                        UPDATE idempotency_key
                        SET command_result_type = :type, command_result = :result, command_committed_at = :now
                        WHERE principal = :principal AND idempotency_key = :key
                          AND claim_token = :token AND response_status IS NULL""")
                .param("type", outcome.resultType())
                .param("result", outcome.result())
                .param("now", Timestamp.from(clock.instant()))
                .param("principal", claim.principal())
                .param("key", claim.key())
                .param("token", claim.token())
                .update() == 1;
    }

    /** Stores the response of a claimed request; a claim taken over since is left alone. Blocks (JDBC). */
    public boolean complete(String principal, String key, String token, StoredResponse response) {
        return jdbc.sql("""
                        UPDATE idempotency_key
                        SET response_status = :status, response_content_type = :contentType,
                            response_location = :location, response_body = :body, completed_at = :now
                        WHERE principal = :principal AND idempotency_key = :key
                          AND claim_token = :token AND response_status IS NULL""")
                .param("status", response.status())
                .param("contentType", response.contentType())
                .param("location", response.location())
                .param("body", response.body())
                .param("now", Timestamp.from(clock.instant()))
                .param("principal", principal)
                .param("key", key)
                .param("token", token)
                .update() == 1;
    }

    /**
     * Forgets a claimed request that produced nothing worth keeping, so a retry runs it again; a key
     * whose command committed is kept (a retry answers from the command's outcome). Blocks (JDBC).
     */
    public void release(String principal, String key, String token) {
        jdbc.sql("""
                        DELETE FROM idempotency_key
                        WHERE principal = :principal AND idempotency_key = :key
                          AND claim_token = :token AND response_status IS NULL AND command_committed_at IS NULL""")
                .param("principal", principal)
                .param("key", key)
                .param("token", token)
                .update();
    }

    private Optional<Row> find(String principal, String key) {
        return jdbc.sql("""
                        SELECT request_fingerprint, claim_token, response_status, response_content_type,
                               response_location, response_body, created_at, command_committed_at,
                               command_result_type, command_result
                        FROM idempotency_key WHERE principal = :principal AND idempotency_key = :key""")
                .param("principal", principal)
                .param("key", key)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getObject(3, Integer.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7), rs.getTimestamp(8),
                        rs.getString(9), rs.getString(10)))
                .optional();
    }
}
