package com.upgradecoordination.platform.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.platform.audit.chain.ChainVerification.BrokenLink;
import com.upgradecoordination.platform.audit.chain.ChainVerification.Problem;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Pins version 1 of the hash scheme byte for byte (docs/auditor-guide.md) and every verdict of a
 * verification to the letter, with values computed outside Java from the documented scheme: the
 * links written must never change, and neither may what a verification reports about them.
 */
class HashChainSchemeV1Test {

    static final String AGGREGATE = "0b7f6f1c-3c0e-4a55-9d8e-1d2c3b4a5f60";
    static final String GENESIS = "0".repeat(64);

    /** A payload and a text column with non-ASCII characters, a NULL revision and NULL metadata. */
    static final List<StoredEventRow> ROWS = List.of(
            row("1c7e9a3b-6d2f-4e8a-b5c4-3a2b1c0d9e8f", 0, "2026-11-30T16:05:13.123456Z",
                    "com.upgradecoordination.coordination.api.EngagementOpenedEvent", "1",
                    "{\"engagementId\":\"0b7f6f1c-3c0e-4a55-9d8e-1d2c3b4a5f60\",\"customer\":\"Zoë Ørsted\"}",
                    "{\"actor\":\"casey.csm\",\"actorRole\":\"CSM\","
                            + "\"correlationId\":\"5f0c2f6e-8f0e-4c1a-9a9b-2b1c0d3e4f5a\"}"),
            row("2d8f0b4c-7e3a-4f9b-a6d5-4b3c2d1e0f9a", 1, "2026-11-30T16:07:02.5Z",
                    "com.upgradecoordination.coordination.api.RequirementsRecordedEvent", null,
                    "{\"engagementId\":\"0b7f6f1c-3c0e-4a55-9d8e-1d2c3b4a5f60\",\"currentUsers\":1800,"
                            + "\"expectedUsers\":6000}", null),
            row("3e9a1c5d-8f4b-4a0c-b7e6-5c4d3e2f1a0b", 2, "2026-12-01T09:00:00Z",
                    "com.upgradecoordination.coordination.api.EngagementClosedEvent", "rév-2", "{}", "{}"));

    static final List<String> HASHES = List.of(
            "270049ea05ccba802291a24127f8f57432ee04348868b9ab477f864edfd88407",
            "8369aa91cd8c808cd06750f3dcf3c646ef22f7e2f7c32b5078cc6e0557a226fe",
            "bb0cb7ad6ee1e7e19fbb72bf5f1220a9a5f575a5ee579c2fdf023b7959e7f077");

    static final List<String> COLUMN_DIGESTS = List.of(
            "eventidentifier=c7bfb423e9dcefdce02868bc65c2005a185afad0c1e8ddbc24dcb7873a62a2dc;"
                    + "aggregateidentifier=87b308af2f15f9bb6f94aab2a5ad79a13176a29e08197ca0f0ec0a761d59b4a3;"
                    + "sequencenumber=44c808fd166dbb8961fb795587e5ee0082f8a2dc781ff06a3f02223dcc06a7da;"
                    + "type=927933f60b0206955a5c7f5953c7eedf5ced267e9011e87cff99965ae50ea57e;"
                    + "timestamp=957aba61042b87274a51d3c1e3464cafe8557799e54fe5ea2a001cbbdd45c04f;"
                    + "payloadtype=3d108a57406c7228ce2c9ed1cc357f85112ad39b81680b6f1467a93a70b340e9;"
                    + "payloadrevision=f16ba6fa61da3398815be2a6c0f7cb1351982dbcc6c64bbeb9b65f672a8b102a;"
                    + "payload=e3442d708c2f49245f96b50bc84408cb70e780e7891d70c4aee51b222f7f5bc2;"
                    + "metadata=df06a072396502ed79c952924fbaf72e05d4d34448ad9913d19f2f3d7467b663",
            "eventidentifier=a59e813f7474f615014821a11f074741d37976de8546ce68e49289555802e2a3;"
                    + "aggregateidentifier=87b308af2f15f9bb6f94aab2a5ad79a13176a29e08197ca0f0ec0a761d59b4a3;"
                    + "sequencenumber=f16ba6fa61da3398815be2a6c0f7cb1351982dbcc6c64bbeb9b65f672a8b102a;"
                    + "type=927933f60b0206955a5c7f5953c7eedf5ced267e9011e87cff99965ae50ea57e;"
                    + "timestamp=094a63730758c89cd7b39f0e18cbad406d5df810b4db19e2e408f5edec60529a;"
                    + "payloadtype=2ee452f0889cc6d2535cf56b705e02fbffba632ef4a0f737db434c9abb016374;"
                    + "payloadrevision=6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d;"
                    + "payload=3aeebe3668d3d4d39962552cf332ffd32af2081c544f5d758ef10e0826167157;"
                    + "metadata=6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "eventidentifier=ca826b9af70d756aa9dff9eb2d5fdf9e6297e2903b4b6c9ec7c3b338491db89e;"
                    + "aggregateidentifier=87b308af2f15f9bb6f94aab2a5ad79a13176a29e08197ca0f0ec0a761d59b4a3;"
                    + "sequencenumber=7f774bb46e7e342a2d9d0514b27cee622012f7415645345054f8cd31e1dda661;"
                    + "type=927933f60b0206955a5c7f5953c7eedf5ced267e9011e87cff99965ae50ea57e;"
                    + "timestamp=900aad5c5443f1ea976569ca7eed8e9a694bf0a72de52169f9e2af4e37d4f762;"
                    + "payloadtype=c7981fd64836702e3ee0d683824e7e47f132310b8da20b35111499c66e261d14;"
                    + "payloadrevision=7e7fc5a7101ddcd61fd530dbd19a81ee4233d9c04f95501f78edba33f384fc88;"
                    + "payload=e6a9d8dbd2b2941a6b6c47bf7910f0a6ee0b08d47c3462ab727ae2d73bc005da;"
                    + "metadata=e6a9d8dbd2b2941a6b6c47bf7910f0a6ee0b08d47c3462ab727ae2d73bc005da");

    JdbcTemplate jdbc;
    EventHashChain chain;
    EventHashChain chainReadingOneEventAtATime;

    static StoredEventRow row(String eventId, long sequence, String timestamp, String payloadType,
                              String payloadRevision, String payload, String metadata) {
        return new StoredEventRow(eventId, AGGREGATE, sequence, "Engagement", timestamp, payloadType, payloadRevision,
                payload.getBytes(StandardCharsets.UTF_8),
                metadata == null ? null : metadata.getBytes(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void threeChainedEvents() {
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        chain = new EventHashChain(dataSource, new DataSourceTransactionManager(dataSource),
                Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
        chainReadingOneEventAtATime = new EventHashChain(dataSource, new DataSourceTransactionManager(dataSource),
                Clock.systemUTC(), 1);
        ROWS.forEach(this::store);
        // out of order on purpose: link sorts by aggregate and sequence
        chain.link(List.of(ROWS.get(2), ROWS.get(0), ROWS.get(1)), Map.of(ROWS.get(0).eventIdentifier(), "case-1"));
    }

    void store(StoredEventRow row) {
        jdbc.update("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                    metadata, payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", row.aggregateIdentifier(), row.sequenceNumber(), row.type(),
                row.eventIdentifier(), new SqlParameterValue(Types.VARBINARY, row.metadata()), row.payload(),
                row.payloadRevision(), row.payloadType(), row.timestamp());
    }

    String eventId(int sequence) {
        return ROWS.get(sequence).eventIdentifier();
    }

    /**
     * The verification's verdict, which must not depend on how the stream is read: checked again one
     * event at a time, so every event and every link meets a window's edge.
     */
    ChainVerification verify() {
        ChainVerification verification = chain.verify(AGGREGATE).orElseThrow();
        assertThat(chainReadingOneEventAtATime.verify(AGGREGATE)).contains(verification);
        return verification;
    }

    void update(String sql, Object... args) {
        assertThat(jdbc.update(sql, args)).isEqualTo(1);
    }

    @Test
    void theLinksAreStoredExactlyAsTheSchemeSays() {
        List<Map<String, Object>> links = jdbc.queryForList("""
                SELECT sequence_number, event_identifier, case_id, previous_hash, hash, column_digests
                FROM event_hash_chain ORDER BY sequence_number""");

        assertThat(links).hasSize(3);
        for (int sequence = 0; sequence < 3; sequence++) {
            Map<String, Object> link = links.get(sequence);
            assertThat(((Number) link.get("sequence_number")).longValue()).isEqualTo(sequence);
            assertThat(link.get("event_identifier")).isEqualTo(eventId(sequence));
            assertThat(link.get("case_id")).isEqualTo("case-1");
            assertThat(link.get("previous_hash")).isEqualTo(sequence == 0 ? GENESIS : HASHES.get(sequence - 1));
            assertThat(link.get("hash")).isEqualTo(HASHES.get(sequence));
            assertThat(link.get("column_digests")).isEqualTo(COLUMN_DIGESTS.get(sequence));
        }
    }

    @Test
    void aLaterAppendChainsOntoTheStoredHead() {
        StoredEventRow next = new StoredEventRow("4fa02d6e-9a5c-4b1d-88f7-6d5e4f3a2b1c", AGGREGATE, 3, "Engagement",
                "2026-12-01T09:30:00Z", "com.upgradecoordination.coordination.api.EngagementReopenedEvent", null,
                "{}".getBytes(StandardCharsets.UTF_8), null);

        chain.link(List.of(next), Map.of());

        assertThat(chain.head(AGGREGATE)).contains(new ChainLink(3, next.eventIdentifier(), HASHES.get(2),
                "9c8d7058dbf3141a0d24d273a8dd616ca259df6580fe2f4457e62a9d806f6e69"));
    }

    @Test
    void anUntouchedStreamIsIntact() {
        assertThat(verify()).isEqualTo(ChainVerification.intact(AGGREGATE, 3,
                new ChainLink(2, eventId(2), HASHES.get(1), HASHES.get(2))));
    }

    @Test
    void anAlteredPayloadIsReportedWithTheRecomputedHash() {
        update("UPDATE domainevententry SET payload = ? WHERE sequencenumber = 1",
                ("{\"engagementId\":\"0b7f6f1c-3c0e-4a55-9d8e-1d2c3b4a5f60\",\"currentUsers\":1800,"
                        + "\"expectedUsers\":600}").getBytes(StandardCharsets.UTF_8));

        assertThat(verify()).isEqualTo(ChainVerification.broken(AGGREGATE, 1, new BrokenLink(1, eventId(1),
                Problem.CONTENT_ALTERED, "The stored event at sequence 1 (" + eventId(1) + ") no longer matches its "
                        + "hash: payload changed since it was written.",
                "62cbdb3dea3c5c648d4e7f364eb08104078f56a047286706ed1c869d7d805c69", HASHES.get(1),
                List.of("payload"))));
    }

    @Test
    void severalAlteredColumnsAreNamedInColumnOrder() {
        update("UPDATE domainevententry SET payloadrevision = NULL, type = 'Ledger' WHERE sequencenumber = 2");

        assertThat(verify()).isEqualTo(ChainVerification.broken(AGGREGATE, 2, new BrokenLink(2, eventId(2),
                Problem.CONTENT_ALTERED, "The stored event at sequence 2 (" + eventId(2) + ") no longer matches its "
                        + "hash: type, payloadrevision changed since it was written.",
                "b14b153b289b5ff8e79d0d620c821c7ebfb21fdf0964257d37a34ca4728ceddc", HASHES.get(2),
                List.of("type", "payloadrevision"))));
    }

    @Test
    void aColumnDigestRewrittenWithItsAlteredColumnIsAnAlteredLink() {
        update("UPDATE domainevententry SET payload = ? WHERE sequencenumber = 1",
                ("{\"engagementId\":\"0b7f6f1c-3c0e-4a55-9d8e-1d2c3b4a5f60\",\"currentUsers\":1800,"
                        + "\"expectedUsers\":600}").getBytes(StandardCharsets.UTF_8));
        update("UPDATE event_hash_chain SET column_digests = ? WHERE sequence_number = 1",
                COLUMN_DIGESTS.get(1).replace("3aeebe3668d3d4d39962552cf332ffd32af2081c544f5d758ef10e0826167157",
                        "23102df5b2aaa968d660ba3235f7a8055f7a2cd9865fedfc5fcbe77a56944dc3"));

        assertThat(verify()).isEqualTo(ChainVerification.broken(AGGREGATE, 1, new BrokenLink(1, eventId(1),
                Problem.LINK_ALTERED, "The link of sequence 1 no longer follows from its own column digests: the "
                        + "chain itself was altered.", null, HASHES.get(1), List.of())));
    }

    @Test
    void anAlteredHashIsAnAlteredLink() {
        update("UPDATE event_hash_chain SET hash = ? WHERE sequence_number = 0", "e".repeat(64));

        assertThat(verify()).isEqualTo(ChainVerification.broken(AGGREGATE, 0, new BrokenLink(0, eventId(0),
                Problem.LINK_ALTERED, "The link of sequence 0 no longer follows from its own column digests: the "
                        + "chain itself was altered.", null, "e".repeat(64), List.of())));
    }

    @Test
    void anAlteredPreviousHashIsAnAlteredLink() {
        update("UPDATE event_hash_chain SET previous_hash = ? WHERE sequence_number = 2", "f".repeat(64));

        assertThat(verify()).isEqualTo(ChainVerification.broken(AGGREGATE, 2, new BrokenLink(2, eventId(2),
                Problem.LINK_ALTERED, "The link of sequence 2 no longer follows from the link before it: the chain "
                        + "itself was altered.", null, HASHES.get(2), List.of())));
    }

    /** Version 1 hashes the digests' bytes: their names and the case of their hex are not part of the hash. */
    @Test
    void renamedOrUppercasedStoredDigestsStillVerifyButNameEveryColumnWhenContentChanges() {
        update("UPDATE event_hash_chain SET column_digests = ? WHERE sequence_number = 0",
                COLUMN_DIGESTS.get(0).replace("eventidentifier=", "id=").replace("metadata=", "meta="));
        update("UPDATE event_hash_chain SET column_digests = ? WHERE sequence_number = 1",
                Pattern.compile("=(\\p{XDigit}+)").matcher(COLUMN_DIGESTS.get(1))
                        .replaceAll(digest -> "=" + digest.group(1).toUpperCase()));
        update("UPDATE event_hash_chain SET column_digests = UPPER(column_digests) WHERE sequence_number = 2");

        assertThat(verify()).isEqualTo(ChainVerification.intact(AGGREGATE, 3,
                new ChainLink(2, eventId(2), HASHES.get(1), HASHES.get(2))));

        update("UPDATE domainevententry SET payload = ? WHERE sequencenumber = 0", "{}".getBytes(StandardCharsets.UTF_8));

        BrokenLink broken = verify().firstBrokenLink();
        assertThat(broken.problem()).isEqualTo(Problem.CONTENT_ALTERED);
        assertThat(broken.differingColumns()).containsExactly("eventidentifier", "payload", "metadata");
    }

    /** Pins how a stored text in another layout is read: each pair with a {@code =}, a repeated name in its first place. */
    @Test
    void storedDigestsInAnotherLayoutAreReadAsBefore() {
        String allInOnePair = "digests=" + COLUMN_DIGESTS.get(0).replaceAll("[a-z]+=|;", "");
        update("UPDATE event_hash_chain SET column_digests = ? WHERE sequence_number = 0", allInOnePair);
        update("UPDATE event_hash_chain SET column_digests = ? WHERE sequence_number = 1",
                "note;" + COLUMN_DIGESTS.get(1) + ";");

        assertThat(verify().isIntact()).isTrue();

        String[] pairs = COLUMN_DIGESTS.get(2).split(";");
        update("UPDATE event_hash_chain SET column_digests = ? WHERE sequence_number = 2",
                String.join(";", pairs) + ";" + pairs[0]);
        assertThat(verify().isIntact()).isTrue();

        update("UPDATE event_hash_chain SET column_digests = ? WHERE sequence_number = 2",
                String.join(";", pairs) + ";" + pairs[1].replace("aggregateidentifier", "eventidentifier"));
        assertThat(verify()).isEqualTo(ChainVerification.broken(AGGREGATE, 2, new BrokenLink(2, eventId(2),
                Problem.LINK_ALTERED, "The link of sequence 2 no longer follows from its own column digests: the "
                        + "chain itself was altered.", null, HASHES.get(2), List.of())));
    }

    @Test
    void aDeletedEventIsReported() {
        update("DELETE FROM domainevententry WHERE sequencenumber = 1");

        assertThat(verify()).isEqualTo(ChainVerification.broken(AGGREGATE, 1, new BrokenLink(1, eventId(1),
                Problem.EVENT_MISSING, "The chain links event " + eventId(1) + " at sequence 1 but the event store no "
                        + "longer has an event there: it was deleted.", null, HASHES.get(1), List.of())));
    }

    @Test
    void aDeletedLinkIsReported() {
        update("DELETE FROM event_hash_chain WHERE sequence_number = 2");

        assertThat(verify()).isEqualTo(ChainVerification.broken(AGGREGATE, 2, new BrokenLink(2, eventId(2),
                Problem.EVENT_NOT_CHAINED, "The stored event at sequence 2 (" + eventId(2) + ") is covered by no link: "
                        + "it was written past the event store, or its link was deleted.", null, null, List.of())));
    }

    @Test
    void aReplacedEventIsReported() {
        update("UPDATE domainevententry SET eventidentifier = 'forged' WHERE sequencenumber = 0");

        assertThat(verify()).isEqualTo(ChainVerification.broken(AGGREGATE, 0, new BrokenLink(0, eventId(0),
                Problem.REORDERED_OR_REPLACED, "Sequence 0 holds event forged but the chain recorded event "
                        + eventId(0) + " there: events were reordered or replaced.", null, HASHES.get(0), List.of())));
    }

    /** Rows written past the event store at any sequence number, however far from the stream, are found. */
    @Test
    void anEventForgedBeforeTheStreamOrFarBeyondItIsReported() {
        StoredEventRow beyond = row("5a1b2c3d-0000-4000-8000-000000000001", 1_000_000_000_000L,
                "2026-12-01T09:30:00Z", "com.upgradecoordination.coordination.api.EngagementClosedEvent", null, "{}", null);
        store(beyond);

        assertThat(verify()).isEqualTo(ChainVerification.broken(AGGREGATE, 3, new BrokenLink(1_000_000_000_000L,
                beyond.eventIdentifier(), Problem.EVENT_NOT_CHAINED, "The stored event at sequence 1000000000000 ("
                        + beyond.eventIdentifier() + ") is covered by no link: it was written past the event store, "
                        + "or its link was deleted.", null, null, List.of())));

        StoredEventRow before = row("5a1b2c3d-0000-4000-8000-000000000002", Long.MIN_VALUE,
                "2026-11-30T09:30:00Z", "com.upgradecoordination.coordination.api.EngagementClosedEvent", null, "{}", null);
        store(before);

        assertThat(verify()).isEqualTo(ChainVerification.broken(AGGREGATE, 0, new BrokenLink(Long.MIN_VALUE,
                before.eventIdentifier(), Problem.EVENT_NOT_CHAINED, "The stored event at sequence " + Long.MIN_VALUE
                        + " (" + before.eventIdentifier() + ") is covered by no link: it was written past the event "
                        + "store, or its link was deleted.", null, null, List.of())));
    }
}
