package com.upgradecoordination.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.platform.audit.chain.ChainLink;
import com.upgradecoordination.platform.audit.chain.ChainVerification;
import com.upgradecoordination.platform.audit.chain.ChainVerification.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each stream is hash-chained as it is written, and a verification names the first link that no longer holds. */
class EventHashChainTest {

    LedgerStore store;

    @BeforeEach
    void fourEvents() {
        store = new LedgerStore();
        store.send(new LedgerStore.OpenLedger("ledger-1", "case-1", "ada"));
        store.send(new LedgerStore.Book("ledger-1", "rent", 100));
        store.send(new LedgerStore.Book("ledger-1", "tax", 50));
        store.send(new LedgerStore.CloseLedger("ledger-1"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    ChainVerification verify() {
        return store.chain.verify("ledger-1").orElseThrow();
    }

    String eventIdAt(long sequence) {
        return store.jdbc.sql("SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = 'ledger-1' "
                + "AND sequencenumber = :s").param("s", sequence).query(String.class).single();
    }

    @Test
    void anUntouchedStreamIsIntactAndItsHeadIsItsLastEvent() {
        ChainVerification verification = verify();

        assertThat(verification.status()).isEqualTo(ChainVerification.Status.INTACT);
        assertThat(verification.linksChecked()).isEqualTo(4);
        assertThat(verification.head().sequence()).isEqualTo(3);
        assertThat(verification.head().eventId()).isEqualTo(eventIdAt(3));
        assertThat(store.chain.head("ledger-1")).contains(verification.head());
        Map<Long, ChainLink> links = store.chain.links("ledger-1", 0, 3);
        assertThat(links.get(0L).previousHash()).isEqualTo("0".repeat(64));
        for (long sequence = 1; sequence <= 3; sequence++) {
            assertThat(links.get(sequence).previousHash()).isEqualTo(links.get(sequence - 1).hash());
        }
    }

    @Test
    void anAlteredPayloadIsNamedWithItsSequenceEventAndColumn() {
        store.jdbc.sql("UPDATE domainevententry SET payload = :payload WHERE aggregateidentifier = 'ledger-1' "
                        + "AND sequencenumber = 2")
                .param("payload", "{\"ledgerId\":\"ledger-1\",\"entry\":\"tax\",\"amount\":5}"
                        .getBytes(StandardCharsets.UTF_8))
                .update();

        ChainVerification verification = verify();

        assertThat(verification.status()).isEqualTo(ChainVerification.Status.BROKEN);
        assertThat(verification.linksChecked()).isEqualTo(2);
        ChainVerification.BrokenLink broken = verification.firstBrokenLink();
        assertThat(broken.problem()).isEqualTo(Problem.CONTENT_ALTERED);
        assertThat(broken.sequence()).isEqualTo(2);
        assertThat(broken.eventId()).isEqualTo(eventIdAt(2));
        assertThat(broken.differingColumns()).containsExactly("payload");
        assertThat(broken.expectedHash()).isNotEqualTo(broken.storedHash());
    }

    @Test
    void anAlteredTimestampAndMetadataAreNamedToo() {
        store.jdbc.sql("UPDATE domainevententry SET timestamp = '2020-01-01T00:00:00Z', metadata = NULL "
                + "WHERE aggregateidentifier = 'ledger-1' AND sequencenumber = 1").update();

        assertThat(verify().firstBrokenLink().differingColumns()).containsExactly("timestamp", "metadata");
    }

    @Test
    void aDeletedEventIsNamed() {
        String deleted = eventIdAt(1);
        store.jdbc.sql("DELETE FROM domainevententry WHERE aggregateidentifier = 'ledger-1' AND sequencenumber = 1")
                .update();

        ChainVerification.BrokenLink broken = verify().firstBrokenLink();

        assertThat(broken.problem()).isEqualTo(Problem.EVENT_MISSING);
        assertThat(broken.sequence()).isEqualTo(1);
        assertThat(broken.eventId()).isEqualTo(deleted);
    }

    @Test
    void aDeletedLastEventIsNamed() {
        store.jdbc.sql("DELETE FROM domainevententry WHERE aggregateidentifier = 'ledger-1' AND sequencenumber = 3")
                .update();

        assertThat(verify().firstBrokenLink().problem()).isEqualTo(Problem.EVENT_MISSING);
        assertThat(verify().firstBrokenLink().sequence()).isEqualTo(3);
    }

    @Test
    void reorderedEventsAreNamed() {
        String first = eventIdAt(1);
        String second = eventIdAt(2);
        store.jdbc.sql("UPDATE domainevententry SET sequencenumber = -1 WHERE aggregateidentifier = 'ledger-1' "
                + "AND sequencenumber = 1").update();
        store.jdbc.sql("UPDATE domainevententry SET sequencenumber = 1 WHERE aggregateidentifier = 'ledger-1' "
                + "AND sequencenumber = 2").update();
        store.jdbc.sql("UPDATE domainevententry SET sequencenumber = 2 WHERE aggregateidentifier = 'ledger-1' "
                + "AND sequencenumber = -1").update();

        ChainVerification.BrokenLink broken = verify().firstBrokenLink();

        assertThat(broken.problem()).isEqualTo(Problem.REORDERED_OR_REPLACED);
        assertThat(broken.sequence()).isEqualTo(1);
        assertThat(broken.eventId()).isEqualTo(first);
        assertThat(broken.detail()).contains(second);
    }

    @Test
    void anEventWrittenPastTheEventStoreIsNamed() {
        store.jdbc.sql("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                    payload, payloadrevision, payloadtype, timestamp)
                SELECT aggregateidentifier, 4, type, 'forged-event', metadata, payload, payloadrevision, payloadtype,
                    timestamp FROM domainevententry WHERE aggregateidentifier = 'ledger-1' AND sequencenumber = 3""")
                .update();

        ChainVerification.BrokenLink broken = verify().firstBrokenLink();

        assertThat(broken.problem()).isEqualTo(Problem.EVENT_NOT_CHAINED);
        assertThat(broken.sequence()).isEqualTo(4);
        assertThat(broken.eventId()).isEqualTo("forged-event");
    }

    @Test
    void anAlteredLinkIsNamed() {
        store.jdbc.sql("UPDATE event_hash_chain SET previous_hash = :forged WHERE aggregate_identifier = 'ledger-1' "
                + "AND sequence_number = 2").param("forged", "f".repeat(64)).update();

        assertThat(verify().firstBrokenLink().problem()).isEqualTo(Problem.LINK_ALTERED);
        assertThat(verify().firstBrokenLink().sequence()).isEqualTo(2);
    }

    @Test
    void aLongStreamIsHashedInChunksAndTheFirstBreakIsStillTheOneNamed() {
        // 700 links: three chunks of a verification's hashing, each break in a chunk of its own
        store.send(new LedgerStore.OpenLedger("ledger-long", "case-2", "bob"));
        store.send(new LedgerStore.BookMany("ledger-long", 699));
        assertThat(store.chain.verify("ledger-long").orElseThrow().status()).isEqualTo(ChainVerification.Status.INTACT);
        assertThat(store.chain.verify("ledger-long").orElseThrow().linksChecked()).isEqualTo(700);

        store.jdbc.sql("UPDATE domainevententry SET payload = :payload WHERE aggregateidentifier = 'ledger-long' "
                        + "AND sequencenumber = 600")
                .param("payload", "{\"ledgerId\":\"ledger-long\",\"entry\":\"entry 600\",\"amount\":1000}"
                        .getBytes(StandardCharsets.UTF_8))
                .update();
        ChainVerification contentAltered = store.chain.verify("ledger-long").orElseThrow();
        assertThat(contentAltered.linksChecked()).isEqualTo(600);
        assertThat(contentAltered.firstBrokenLink().problem()).isEqualTo(Problem.CONTENT_ALTERED);
        assertThat(contentAltered.firstBrokenLink().differingColumns()).containsExactly("payload");

        store.jdbc.sql("UPDATE event_hash_chain SET hash = :forged WHERE aggregate_identifier = 'ledger-long' "
                + "AND sequence_number = 300").param("forged", "e".repeat(64)).update();
        ChainVerification linkAltered = store.chain.verify("ledger-long").orElseThrow();
        assertThat(linkAltered.linksChecked()).isEqualTo(300);
        assertThat(linkAltered.firstBrokenLink().problem()).isEqualTo(Problem.LINK_ALTERED);
        assertThat(linkAltered.firstBrokenLink().sequence()).isEqualTo(300);
    }

    @Test
    void theStreamsOfACaseAreFoundByTheCaseTheTranslatorNamesAndInheritedByLaterEvents() {
        store.send(new LedgerStore.OpenLedger("ledger-2", "case-1", "bob"));
        store.send(new LedgerStore.OpenLedger("ledger-3", "case-2", "eve"));

        assertThat(store.chain.aggregatesOfCase("case-1")).containsExactly("ledger-1", "ledger-2");
        assertThat(store.jdbc.sql("SELECT DISTINCT case_id FROM event_hash_chain WHERE aggregate_identifier = 'ledger-1'")
                .query(String.class).list()).isEqualTo(List.of("case-1"));
        assertThat(store.chain.aggregatesOfCase("case-3")).isEmpty();
    }

    @Test
    void eachEventLinksToTheLinkBeforeItWhateverTheChainHoldsPastIt() {
        // a link forged ahead of a stream that does not exist yet: the stream's events do not chain onto
        // it (the first links to the genesis), and a verification names the forged link, not an event
        store.jdbc.sql("""
                INSERT INTO event_hash_chain (aggregate_identifier, sequence_number, event_identifier, case_id,
                    previous_hash, hash, column_digests, chained_at)
                VALUES ('ledger-4', 7, 'forged-event', 'case-forged', :genesis, :forged, 'x', CURRENT_TIMESTAMP)""")
                .param("genesis", "0".repeat(64)).param("forged", "f".repeat(64)).update();

        store.send(new LedgerStore.OpenLedger("ledger-4", "case-4", "dan"));
        store.send(new LedgerStore.Book("ledger-4", "rent", 10));

        Map<Long, ChainLink> links = store.chain.links("ledger-4", 0, 1);
        assertThat(links.get(0L).previousHash()).isEqualTo("0".repeat(64));
        assertThat(links.get(1L).previousHash()).isEqualTo(links.get(0L).hash());
        assertThat(store.chain.aggregatesOfCase("case-4")).containsExactly("ledger-4");
        ChainVerification.BrokenLink broken = store.chain.verify("ledger-4").orElseThrow().firstBrokenLink();
        assertThat(broken.problem()).isEqualTo(Problem.EVENT_MISSING);
        assertThat(broken.sequence()).isEqualTo(7);
    }

    @Test
    void anUnknownAggregateHasNothingToVerify() {
        assertThat(store.chain.verify("no-such-ledger")).isEmpty();
    }
}
