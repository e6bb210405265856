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

    /** Where a stream starts: no link before it, no case inherited. */
    private static final Tip FIRST = new Tip(LinkHash.GENESIS, null);

    private record StoredLink(long sequence, String eventId, String previousHash, String hash,
                              String columnDigests) {
    }

    /** Links hashed by one task of a verification: enough to outweigh handing a task to another thread. */
    private static final int HASHING_CHUNK = 256;

    /**
     * Events (and links) a verification reads and checks at a time: four hashing chunks, a few MB of
     * rows, where a whole stream of 10,000 events held ~35 MB of heap per verification.
     */
    static final int VERIFICATION_WINDOW = 4 * HASHING_CHUNK;

    private final JdbcClient jdbc;
    private final JdbcOperations batches;
    private final TransactionTemplate consistentReads;
    private final Clock clock;
    private final int window;

    public EventHashChain(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock) {
        this(dataSource, transactionManager, clock, VERIFICATION_WINDOW);
    }

    /** With verifications read {@code window} events at a time (tests: the windows' edges). */
    EventHashChain(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock, int window) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batches = new JdbcTemplate(dataSource);
        this.consistentReads = new TransactionTemplate(transactionManager);
        // one snapshot for the events and their links, so an append running meanwhile is seen whole or not at all
        consistentReads.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        consistentReads.setReadOnly(true);
        this.clock = clock;
        this.window = window;
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
            // a stream's first event links to the genesis: nothing to read (one round trip less per create)
            Tip tip = tips.computeIfAbsent(row.aggregateIdentifier(),
                    aggregate -> row.sequenceNumber() == 0 ? FIRST : linkBefore(aggregate, row.sequenceNumber()));
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

    /** The link an aggregate's event at {@code sequence} follows: the last one below it. */
    private Tip linkBefore(String aggregateId, long sequence) {
        return jdbc.sql("""
                        SELECT hash, case_id FROM event_hash_chain
                        WHERE aggregate_identifier = :aggregate AND sequence_number < :sequence
                        ORDER BY sequence_number DESC LIMIT 1""")
                .param("aggregate", aggregateId).param("sequence", sequence)
                .query((row, number) -> new Tip(row.getString("hash"), row.getString("case_id")))
                .optional()
                .orElse(FIRST);
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

    /**
     * Recomputes the aggregate's chain from what is stored now; empty when the store knows no such
     * aggregate. The stream is read and checked a window of events and links at a time, every window
     * from one snapshot of the database: a long stream is never held whole.
     */
    public Optional<ChainVerification> verify(String aggregateId) {
        return consistentReads.execute(status -> {
            ChainWalk walk = new ChainWalk(aggregateId);
            long from = Long.MIN_VALUE; // a forged row may carry any number
            while (true) {
                List<StoredEventRow> events = storedEvents(aggregateId, from);
                List<StoredLink> links = storedLinks(aggregateId, from);
                if (events.isEmpty() && links.isEmpty()) {
                    boolean nothingStored = from == Long.MIN_VALUE;
                    return nothingStored ? Optional.<ChainVerification>empty() : Optional.of(walk.intact());
                }
                // A read that filled its window may have more past its last row, so the window ends at
                // that row (sequence numbers are unique per aggregate in both tables); the rest is read next.
                long to = Math.min(
                        events.size() < window ? Long.MAX_VALUE : events.get(events.size() - 1).sequenceNumber(),
                        links.size() < window ? Long.MAX_VALUE : links.get(links.size() - 1).sequence());
                Optional<ChainVerification> broken = walk.check(
                        events.stream().filter(event -> event.sequenceNumber() <= to).toList(),
                        links.stream().filter(link -> link.sequence() <= to).toList());
                if (broken.isPresent()) {
                    return broken;
                }
                if (to == Long.MAX_VALUE) {
                    return Optional.of(walk.intact());
                }
                from = to + 1;
            }
        });
    }

    /** The aggregate's next stored events from sequence {@code from} on, at most a window of them. */
    private List<StoredEventRow> storedEvents(String aggregateId, long from) {
        return jdbc.sql("SELECT " + StoredEventRow.COLUMNS + """
                         FROM domainevententry WHERE aggregateidentifier = :aggregate AND sequencenumber >= :from
                        ORDER BY sequencenumber LIMIT :window""")
                .param("aggregate", aggregateId).param("from", from).param("window", window)
                .query((row, number) -> StoredEventRow.from(row))
                .list();
    }

    /** The aggregate's next links from sequence {@code from} on, at most a window of them. */
    private List<StoredLink> storedLinks(String aggregateId, long from) {
        return jdbc.sql("""
                        SELECT sequence_number, event_identifier, previous_hash, hash, column_digests
                        FROM event_hash_chain WHERE aggregate_identifier = :aggregate AND sequence_number >= :from
                        ORDER BY sequence_number LIMIT :window""")
                .param("aggregate", aggregateId).param("from", from).param("window", window)
                .query((row, number) -> new StoredLink(row.getLong(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5)))
                .list();
    }

    /**
     * A verification's walk along the stream, window after window. Events and links are matched by
     * sequence number, so a window that ends between an event and its link cannot exist: both carry
     * the same number. What it reports is what a walk over the whole stream at once would report.
     */
    private static final class ChainWalk {

        private final String aggregateId;
        private final LinkHash linkHash = new LinkHash();
        private String expectedPrevious = LinkHash.GENESIS;
        private int linksChecked;
        private StoredLink lastLink;

        ChainWalk(String aggregateId) {
            this.aggregateId = aggregateId;
        }

        /** Checks the next window's events and links: the first broken link, or empty when all hold. */
        Optional<ChainVerification> check(List<StoredEventRow> events, List<StoredLink> links) {
            boolean[] holding = linksHolding(events, links);
            int e = 0;
            int l = 0;
            while (e < events.size() || l < links.size()) {
                StoredEventRow event = e < events.size() ? events.get(e) : null;
                StoredLink link = l < links.size() ? links.get(l) : null;
                if (link == null || (event != null && event.sequenceNumber() < link.sequence())) {
                    return Optional.of(ChainVerification.broken(aggregateId, linksChecked, new ChainVerification.BrokenLink(
                            event.sequenceNumber(), event.eventIdentifier(), ChainVerification.Problem.EVENT_NOT_CHAINED,
                            "The stored event at sequence " + event.sequenceNumber() + " (" + event.eventIdentifier()
                                    + ") is covered by no link: it was written past the event store, or its link was "
                                    + "deleted.", null, null, List.of())));
                }
                if (event == null || event.sequenceNumber() > link.sequence()) {
                    return Optional.of(ChainVerification.broken(aggregateId, linksChecked, new ChainVerification.BrokenLink(
                            link.sequence(), link.eventId(), ChainVerification.Problem.EVENT_MISSING,
                            "The chain links event " + link.eventId() + " at sequence " + link.sequence()
                                    + " but the event store no longer has an event there: it was deleted.",
                            null, link.hash(), List.of())));
                }
                if (!event.eventIdentifier().equals(link.eventId())) {
                    return Optional.of(ChainVerification.broken(aggregateId, linksChecked, new ChainVerification.BrokenLink(
                            link.sequence(), link.eventId(), ChainVerification.Problem.REORDERED_OR_REPLACED,
                            "Sequence " + link.sequence() + " holds event " + event.eventIdentifier()
                                    + " but the chain recorded event " + link.eventId()
                                    + " there: events were reordered or replaced.", null, link.hash(), List.of())));
                }
                if (!expectedPrevious.equals(link.previousHash())) {
                    return Optional.of(linkAltered(aggregateId, linksChecked, link, "the link before it"));
                }
                if (!holding[l]) {
                    Optional<ChainVerification> broken = recheck(event, link);
                    if (broken.isPresent()) {
                        return broken;
                    }
                }
                expectedPrevious = link.hash();
                lastLink = link;
                linksChecked++;
                e++;
                l++;
            }
            return Optional.empty();
        }

        /** A link not found holding, checked again the one way that explains what broke. */
        private Optional<ChainVerification> recheck(StoredEventRow event, StoredLink link) {
            byte[] storedDigests = LinkHash.parseDigests(link.columnDigests());
            if (!linkHash.hash(link.previousHash(), storedDigests).equals(link.hash())) {
                return Optional.of(linkAltered(aggregateId, linksChecked, link, "its own column digests"));
            }
            // The link's hash is known to follow from the stored digests: recomputed digests equal to
            // them give that same hash, so the hash is recomputed only when a digest differs.
            byte[] digests = linkHash.columnDigests(event);
            if (!Arrays.equals(digests, storedDigests)) {
                String recomputed = linkHash.hash(link.previousHash(), digests);
                if (!recomputed.equals(link.hash())) {
                    List<String> differing = differingColumns(digests, link.columnDigests());
                    return Optional.of(ChainVerification.broken(aggregateId, linksChecked, new ChainVerification.BrokenLink(
                            link.sequence(), link.eventId(), ChainVerification.Problem.CONTENT_ALTERED,
                            "The stored event at sequence " + link.sequence() + " (" + link.eventId()
                                    + ") no longer matches its hash: " + String.join(", ", differing)
                                    + " changed since it was written.", recomputed, link.hash(), differing)));
                }
            }
            return Optional.empty();
        }

        ChainVerification intact() {
            ChainLink head = lastLink == null ? null
                    : new ChainLink(lastLink.sequence(), lastLink.eventId(), lastLink.previousHash(), lastLink.hash());
            return ChainVerification.intact(aggregateId, linksChecked, head);
        }
    }

    /**
     * The positions whose link holds on its own: its hash follows from its previous hash and its
     * stored column digests, and the event at the same position digests to them. Hashing is nearly
     * all of a verification's CPU and each position's is independent of the others', so it runs in
     * chunks on the common fork-join pool; {@link ChainWalk} then checks the order and the links between
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
