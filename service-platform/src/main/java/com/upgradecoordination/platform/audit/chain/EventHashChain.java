package com.upgradecoordination.platform.audit.chain;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each aggregate's stream as a hash chain (SPEC A4): {@link #link} adds the links of freshly stored
 * events inside the transaction that stores them; {@link #verify} recomputes a stream from what is
 * stored now and names the first link that no longer holds.
 */
public class EventHashChain {

    private record Tip(String hash, String caseId) {
    }

    private record StoredLink(long sequence, String eventId, String previousHash, String hash,
                              String columnDigests) {
    }

    /** Links hashed by one task of a verification: enough to outweigh handing a task to another thread. */
    private static final int HASHING_CHUNK = 256;

    private final JdbcClient jdbc;
    private final JdbcOperations batches;
    private final TransactionTemplate consistentReads;
    private final Clock clock;

    public EventHashChain(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batches = new JdbcTemplate(dataSource);
        this.consistentReads = new TransactionTemplate(transactionManager);
        // one snapshot for the events and their links, so an append running meanwhile is seen whole or not at all
        consistentReads.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        consistentReads.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * Chains the events just stored, given their rows exactly as stored. Must run in the transaction
     * that appended them (the event store's unique aggregate and sequence then also orders
     * concurrent appends to one aggregate). The links are written in one batch.
     *
     * @param stored  the stored rows
     * @param caseIds event id to case id, where known
     */
    void link(List<StoredEventRow> stored, Map<String, String> caseIds) {
        if (stored.isEmpty()) {
            return;
        }
        List<StoredEventRow> rows = stored.stream()
                .sorted(Comparator.comparing(StoredEventRow::aggregateIdentifier)
                        .thenComparingLong(StoredEventRow::sequenceNumber))
                .toList();
        Map<String, Tip> tips = new LinkedHashMap<>();
        Timestamp now = Timestamp.from(clock.instant());
        LinkHash linkHash = new LinkHash();
        List<Object[]> links = new ArrayList<>();
        for (StoredEventRow row : rows) {
            Tip tip = tips.computeIfAbsent(row.aggregateIdentifier(), this::tipOf);
            byte[] digests = linkHash.columnDigests(row);
            String hash = linkHash.hash(tip.hash(), digests);
            String caseId = caseIds.getOrDefault(row.eventIdentifier(), tip.caseId());
            links.add(new Object[] {row.aggregateIdentifier(), row.sequenceNumber(), row.eventIdentifier(), caseId,
                tip.hash(), hash, LinkHash.format(digests), now});
            tips.put(row.aggregateIdentifier(), new Tip(hash, caseId));
        }
        batches.batchUpdate("""
                INSERT INTO event_hash_chain (aggregate_identifier, sequence_number, event_identifier,
                    case_id, previous_hash, hash, column_digests, chained_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", links);
    }

    private Tip tipOf(String aggregateId) {
        return jdbc.sql("""
                        SELECT hash, case_id FROM event_hash_chain WHERE aggregate_identifier = :aggregate
                        ORDER BY sequence_number DESC LIMIT 1""")
                .param("aggregate", aggregateId)
                .query((row, number) -> new Tip(row.getString("hash"), row.getString("case_id")))
                .optional()
                .orElse(new Tip(LinkHash.GENESIS, null));
    }

    /** The last link of the aggregate's chain; empty when nothing of it is chained. */
    public Optional<ChainLink> head(String aggregateId) {
        return jdbc.sql("""
                        SELECT sequence_number, event_identifier, previous_hash, hash FROM event_hash_chain
                        WHERE aggregate_identifier = :aggregate ORDER BY sequence_number DESC LIMIT 1""")
                .param("aggregate", aggregateId)
                .query((row, number) -> new ChainLink(row.getLong(1), row.getString(2), row.getString(3),
                        row.getString(4)))
                .optional();
    }

    /** The links covering sequences {@code from..to} of the aggregate, by sequence. */
    public Map<Long, ChainLink> links(String aggregateId, long from, long to) {
        Map<Long, ChainLink> links = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT sequence_number, event_identifier, previous_hash, hash FROM event_hash_chain
                        WHERE aggregate_identifier = :aggregate AND sequence_number BETWEEN :from AND :to
                        ORDER BY sequence_number""")
                .param("aggregate", aggregateId).param("from", from).param("to", to)
                .query((row, number) -> new ChainLink(row.getLong(1), row.getString(2), row.getString(3),
                        row.getString(4)))
                .list()
                .forEach(link -> links.put(link.sequence(), link));
        return links;
    }

    /** The aggregates whose links name the case, and the aggregate whose id is the case id. */
    public List<String> aggregatesOfCase(String caseId) {
        List<String> aggregates = new ArrayList<>(jdbc.sql("""
                        SELECT DISTINCT aggregate_identifier FROM event_hash_chain WHERE case_id = :caseId
                        ORDER BY aggregate_identifier""")
                .param("caseId", caseId).query(String.class).list());
        boolean caseIsAnAggregate = jdbc.sql("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = :id")
                .param("id", caseId).query(Long.class).single() > 0;
        if (caseIsAnAggregate && !aggregates.contains(caseId)) {
            aggregates.add(0, caseId);
        }
        return aggregates;
    }

    /** Recomputes the aggregate's chain from what is stored now; empty when the store knows no such aggregate. */
    public Optional<ChainVerification> verify(String aggregateId) {
        return consistentReads.execute(status -> {
            List<StoredEventRow> events = jdbc.sql("SELECT " + StoredEventRow.COLUMNS
                            + " FROM domainevententry WHERE aggregateidentifier = :aggregate ORDER BY sequencenumber")
                    .param("aggregate", aggregateId)
                    .query((row, number) -> StoredEventRow.from(row))
                    .list();
            List<StoredLink> links = jdbc.sql("""
                            SELECT sequence_number, event_identifier, previous_hash, hash, column_digests
                            FROM event_hash_chain WHERE aggregate_identifier = :aggregate ORDER BY sequence_number""")
                    .param("aggregate", aggregateId)
                    .query((row, number) -> new StoredLink(row.getLong(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5)))
                    .list();
            if (events.isEmpty() && links.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(walk(aggregateId, events, links));
        });
    }

    private static ChainVerification walk(String aggregateId, List<StoredEventRow> events, List<StoredLink> links) {
        boolean[] holding = linksHolding(events, links);
        LinkHash linkHash = new LinkHash();
        String expectedPrevious = LinkHash.GENESIS;
        int e = 0;
        int l = 0;
        while (e < events.size() || l < links.size()) {
            StoredEventRow event = e < events.size() ? events.get(e) : null;
            StoredLink link = l < links.size() ? links.get(l) : null;
            if (link == null || (event != null && event.sequenceNumber() < link.sequence())) {
                return ChainVerification.broken(aggregateId, l, new ChainVerification.BrokenLink(
                        event.sequenceNumber(), event.eventIdentifier(), ChainVerification.Problem.EVENT_NOT_CHAINED,
                        "The stored event at sequence " + event.sequenceNumber() + " (" + event.eventIdentifier()
                                + ") is covered by no link: it was written past the event store, or its link was "
                                + "deleted.", null, null, List.of()));
            }
            if (event == null || event.sequenceNumber() > link.sequence()) {
                return ChainVerification.broken(aggregateId, l, new ChainVerification.BrokenLink(
                        link.sequence(), link.eventId(), ChainVerification.Problem.EVENT_MISSING,
                        "The chain links event " + link.eventId() + " at sequence " + link.sequence()
                                + " but the event store no longer has an event there: it was deleted.",
                        null, link.hash(), List.of()));
            }
            if (!event.eventIdentifier().equals(link.eventId())) {
                return ChainVerification.broken(aggregateId, l, new ChainVerification.BrokenLink(
                        link.sequence(), link.eventId(), ChainVerification.Problem.REORDERED_OR_REPLACED,
                        "Sequence " + link.sequence() + " holds event " + event.eventIdentifier()
                                + " but the chain recorded event " + link.eventId()
                                + " there: events were reordered or replaced.", null, link.hash(), List.of()));
            }
            if (!expectedPrevious.equals(link.previousHash())) {
                return linkAltered(aggregateId, l, link, "the link before it");
            }
            if (holding[l]) {
                expectedPrevious = link.hash();
                e++;
                l++;
                continue;
            }
            byte[] storedDigests = LinkHash.parseDigests(link.columnDigests());
            if (!linkHash.hash(link.previousHash(), storedDigests).equals(link.hash())) {
                return linkAltered(aggregateId, l, link, "its own column digests");
            }
            // The link's hash is known to follow from the stored digests: recomputed digests equal to
            // them give that same hash, so the hash is recomputed only when a digest differs.
            byte[] digests = linkHash.columnDigests(event);
            if (!Arrays.equals(digests, storedDigests)) {
                String recomputed = linkHash.hash(link.previousHash(), digests);
                if (!recomputed.equals(link.hash())) {
                    List<String> differing = differingColumns(digests, link.columnDigests());
                    return ChainVerification.broken(aggregateId, l, new ChainVerification.BrokenLink(
                            link.sequence(), link.eventId(), ChainVerification.Problem.CONTENT_ALTERED,
                            "The stored event at sequence " + link.sequence() + " (" + link.eventId()
                                    + ") no longer matches its hash: " + String.join(", ", differing)
                                    + " changed since it was written.", recomputed, link.hash(), differing));
                }
            }
            expectedPrevious = link.hash();
            e++;
            l++;
        }
        StoredLink last = l == 0 ? null : links.get(l - 1);
        ChainLink head = last == null ? null
                : new ChainLink(last.sequence(), last.eventId(), last.previousHash(), last.hash());
        return ChainVerification.intact(aggregateId, l, head);
    }

    /**
     * The positions whose link holds on its own: its hash follows from its previous hash and its
     * stored column digests, and the event at the same position digests to them. Hashing is nearly
     * all of a verification's CPU and each position's is independent of the others', so it runs in
     * chunks on the common fork-join pool; {@link #walk} then checks the order and the links between
     * positions, and recomputes any position not found holding (or that could not be read) the one
     * way that explains what broke.
     */
    private static boolean[] linksHolding(List<StoredEventRow> events, List<StoredLink> links) {
        int positions = Math.min(events.size(), links.size());
        // each task writes only its own positions; the stream's end makes them visible to the caller
        boolean[] holding = new boolean[positions];
        IntStream.range(0, (positions + HASHING_CHUNK - 1) / HASHING_CHUNK).parallel().forEach(chunk -> {
            LinkHash linkHash = new LinkHash();
            int first = chunk * HASHING_CHUNK;
            for (int position = first; position < Math.min(positions, first + HASHING_CHUNK); position++) {
                holding[position] = holds(linkHash, events.get(position), links.get(position));
            }
        });
        return holding;
    }

    private static boolean holds(LinkHash linkHash, StoredEventRow event, StoredLink link) {
        try {
            byte[] storedDigests = LinkHash.parseDigests(link.columnDigests());
            return linkHash.hash(link.previousHash(), storedDigests).equals(link.hash())
                    && Arrays.equals(linkHash.columnDigests(event), storedDigests);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private static ChainVerification linkAltered(String aggregateId, int linksChecked, StoredLink link,
                                                 String noLongerFollowsFrom) {
        return ChainVerification.broken(aggregateId, linksChecked, new ChainVerification.BrokenLink(
                link.sequence(), link.eventId(), ChainVerification.Problem.LINK_ALTERED,
                "The link of sequence " + link.sequence() + " no longer follows from " + noLongerFollowsFrom
                        + ": the chain itself was altered.", null, link.hash(), List.of()));
    }

    /** The columns whose recomputed digest is not the one stored under their name. */
    private static List<String> differingColumns(byte[] digests, String storedColumnDigests) {
        Map<String, String> stored = LinkHash.parseByName(storedColumnDigests);
        List<String> differing = new ArrayList<>();
        for (int column = 0; column < StoredEventRow.COLUMN_NAMES.size(); column++) {
            String name = StoredEventRow.COLUMN_NAMES.get(column);
            if (!LinkHash.digestHex(digests, column).equals(stored.get(name))) {
                differing.add(name);
            }
        }
        return List.copyOf(differing);
    }
}
