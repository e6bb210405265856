package com.upgradecoordination.analytics;

import com.upgradecoordination.analytics.EnvelopeReader.Known;
import com.upgradecoordination.analytics.EnvelopeReader.UnknownContract;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The figures a manager asks for, kept from the three topics read from their beginning: engagements per
 * size and step, deviation rate per size, Support review lead time, on-hold durations, notification
 * failure rate. Fed one record value at a time, in each partition's order; thread-safe, so a snapshot can
 * be served while records come in.
 *
 * <p>How it consumes the contracts correctly (docs/kafka-contracts.md):
 * <ul>
 * <li>An event is counted once: its event id is remembered, and a record with an id already counted is
 * a duplicate (a redelivery, or the deprecated version of an event published in two). The newest
 * version comes first on the topic; either carries what the figures read.</li>
 * <li>It reads the contracts it knows by type <em>and</em> version. A version it does not know is
 * skipped without remembering its id, so the version it knows, published next to it, still counts.</li>
 * <li>Within a case it relies on the order of the case's topic (records are keyed by case id). Across
 * topics there is no order: a Support review's request (coordination) and its verdict (review) are
 * joined on the review id, whichever arrives first.</li>
 * <li>Unknown fields are never looked at; an enumeration value it does not know is a string like any
 * other (a channel it has not seen is a channel of its own).</li>
 * </ul>
 */
public final class UpgradeFigures {

    static final String UNSIZED = "unsized";

    private final EnvelopeReader reader = new EnvelopeReader();
    private final Map<String, Consumer<Envelope>> contracts = new HashMap<>();
    private final Set<String> typesRead = new HashSet<>();
    private final Set<String> countedEventIds = new HashSet<>();

    private final Map<String, Engagement> engagements = new HashMap<>();
    private final Map<String, PlanComparisons> comparisonsBySize = new TreeMap<>();
    private final Map<String, Instant> reviewRequestedAt = new HashMap<>();
    private final Map<String, Instant> reviewCompletedAt = new HashMap<>();
    private final Map<String, Instant> onHoldSince = new HashMap<>();
    private final List<Duration> onHoldPeriods = new ArrayList<>();
    private int onHoldExpired;
    private final Map<String, DeliveryCounts> notificationsByChannel = new TreeMap<>();
    private final RecordCounts records = new RecordCounts();

    public UpgradeFigures() {
        read("EngagementOpened", 1, e -> engagement(e).opened = true);
        read("RequirementsRecorded", 1, e -> engagement(e).requirementsRecorded = true);
        read("ReferenceArchitectureMatched", 1, e -> engagement(e).size = e.text("size"));
        read("PlanSubmitted", 1, e -> engagement(e).planSubmitted(e.number("planVersion")));
        read("ArchitectureConforms", 1, e -> compared(e, false));
        read("ArchitectureDeviationDetected", 1, e -> compared(e, true));
        read("RevisionDiscussed", 1, e -> engagement(e).revisionDiscussed(e.number("planVersion"), e.text("outcome")));
        read("SupportReviewRequested", 1, this::supportReviewRequested);
        read("ReturnedToPlanning", 1, e -> engagement(e).returnedToPlanning = true);
        read("DeviationAccepted", 1, e -> engagement(e).deviationAccepted(e.number("planVersion")));
        read("MigrationStarted", 1, e -> engagement(e).migrationStarted = true);
        read("MigrationCompleted", 1, e -> engagement(e).migrationCompleted = true);
        read("EngagementClosed", 1, e -> engagement(e).closed = true);
        // version 2, and the deprecated version 1 published next to it with the same event id
        read("SupportReviewCompleted", 2, this::supportReviewCompleted);
        read("SupportReviewCompleted", 1, this::supportReviewCompleted);
        read("TicketStatusChanged", 1, this::ticketStatusChanged);
        read("OnHoldExpired", 1, e -> onHoldExpired++);
        read("NotificationSent", 1, e -> channel(e).sent++);
        read("NotificationFailed", 1, e -> channel(e).failed++);
        // A person was erased (docs/personal-data.md): a consumer that keeps identifiers forgets the
        // person of that hash here. This one keeps none (the schemas drop them), so it only acknowledges it.
        read("PersonalDataErased", 1, e -> { });
    }

    private void read(String type, int version, Consumer<Envelope> handler) {
        contracts.put(type + "/v" + version, handler);
        typesRead.add(type);
    }

    /** Takes one record's value, as it came from its topic. */
    public synchronized void accept(String recordValue) {
        records.read++;
        EnvelopeReader.Reading reading = reader.read(recordValue);
        if (reading instanceof Known known) {
            accept(known.envelope());
        } else if (reading instanceof UnknownContract) {
            records.unknownContracts++;
        } else {
            records.notEnvelopes++;
        }
    }

    private void accept(Envelope envelope) {
        Consumer<Envelope> handler = contracts.get(envelope.type() + "/v" + envelope.schemaVersion());
        if (handler == null) {
            if (typesRead.contains(envelope.type())) {
                records.unknownContracts++; // a version of a type it reads that it does not know
            } else {
                records.notNeeded++;
            }
            return;
        }
        if (!countedEventIds.add(envelope.eventId())) {
            records.duplicates++;
            return;
        }
        records.counted++;
        handler.accept(envelope);
    }

    private Engagement engagement(Envelope envelope) {
        return engagements.computeIfAbsent(envelope.caseId(), id -> new Engagement());
    }

    private void compared(Envelope envelope, boolean deviates) {
        engagement(envelope).compared(envelope.number("planVersion"), deviates);
        PlanComparisons comparisons = comparisonsBySize.computeIfAbsent(
                sizeOrUnsized(envelope.text("referenceSize")), size -> new PlanComparisons());
        comparisons.compared++;
        if (deviates) {
            comparisons.deviating++;
        }
    }

    private void supportReviewRequested(Envelope envelope) {
        String reviewId = envelope.text("reviewId");
        engagement(envelope).requestedReviews.add(reviewId);
        reviewRequestedAt.put(reviewId, envelope.occurredAt());
    }

    private void supportReviewCompleted(Envelope envelope) {
        reviewCompletedAt.put(envelope.text("reviewId"), envelope.occurredAt());
    }

    private void ticketStatusChanged(Envelope envelope) {
        String ticketId = envelope.text("ticketId");
        Instant since = onHoldSince.remove(ticketId);
        if ("ON_HOLD".equals(envelope.text("from")) && since != null) {
            onHoldPeriods.add(Duration.between(since, envelope.occurredAt()));
        }
        if ("ON_HOLD".equals(envelope.text("to"))) {
            onHoldSince.put(ticketId, envelope.occurredAt());
        }
    }

    private DeliveryCounts channel(Envelope envelope) {
        return notificationsByChannel.computeIfAbsent(orUnknown(envelope.text("channel")), c -> new DeliveryCounts());
    }

    private static String sizeOrUnsized(String size) {
        return size == null ? UNSIZED : size;
    }

    private static String orUnknown(String value) {
        return value == null ? "UNKNOWN" : value;
    }

    /** The figures as they stand. */
    public synchronized Snapshot snapshot() {
        Map<String, Map<String, Integer>> bySizeAndStep = new TreeMap<>();
        engagements.values().stream().filter(engagement -> engagement.opened).forEach(engagement ->
                bySizeAndStep.computeIfAbsent(sizeOrUnsized(engagement.size), size -> new TreeMap<>())
                        .merge(engagement.step(reviewCompletedAt.keySet()), 1, Integer::sum));

        Map<String, DeviationRate> deviationRates = new TreeMap<>();
        comparisonsBySize.forEach((size, c) -> deviationRates.put(size,
                new DeviationRate(c.compared, c.deviating, (double) c.deviating / c.compared)));

        List<Duration> leadTimes = new ArrayList<>();
        reviewRequestedAt.forEach((reviewId, requestedAt) -> {
            Instant completedAt = reviewCompletedAt.get(reviewId);
            if (completedAt != null) {
                leadTimes.add(Duration.between(requestedAt, completedAt));
            }
        });
        int awaitingVerdict = (int) reviewRequestedAt.keySet().stream()
                .filter(id -> !reviewCompletedAt.containsKey(id)).count();

        Map<String, FailureRate> notifications = new TreeMap<>();
        DeliveryCounts overall = new DeliveryCounts();
        notificationsByChannel.forEach((channel, counts) -> {
            notifications.put(channel, counts.rate());
            overall.sent += counts.sent;
            overall.failed += counts.failed;
        });

        return new Snapshot(
                bySizeAndStep,
                deviationRates,
                new LeadTime(leadTimes.size(), awaitingVerdict, Percentiles.of(leadTimes, 50), Percentiles.of(leadTimes, 90)),
                new OnHold(onHoldPeriods.size(), onHoldSince.size(), onHoldExpired, Percentiles.of(onHoldPeriods, 50),
                        Percentiles.of(onHoldPeriods, 90), Percentiles.of(onHoldPeriods, 100)),
                new Notifications(overall.rate(), notifications),
                new Records(records.read, records.counted, records.duplicates, records.unknownContracts,
                        records.notNeeded, records.notEnvelopes));
    }

    // --- the snapshot, as served and printed (durations as ISO-8601, e.g. PT26H) ------------------------

    /**
     * @param engagementsBySizeAndStep size (1k..50k, or "unsized" before the requirements) to the
     *                                 engagement's current step to how many engagements stand there
     * @param deviationRateBySize      per reference size, of every plan version compared with it
     * @param supportReviewLeadTime    SupportReviewRequested to SupportReviewCompleted, per review
     * @param onHold                   a ticket's periods in ON_HOLD, from TicketStatusChanged
     * @param notifications            NotificationFailed among all notifications that ended
     * @param records                  what the consumer read, and what it skipped and why
     */
    public record Snapshot(
            Map<String, Map<String, Integer>> engagementsBySizeAndStep,
            Map<String, DeviationRate> deviationRateBySize,
            LeadTime supportReviewLeadTime,
            OnHold onHold,
            Notifications notifications,
            Records records) {
    }

    public record DeviationRate(int plansCompared, int plansDeviating, double rate) {
    }

    /** Nearest-rank percentiles of the completed reviews; null while there is none. */
    public record LeadTime(int completed, int awaitingVerdict, String p50, String p90) {
    }

    /**
     * @param periodsEnded          holds that ended (an outcome, or the ticket back to open after four days)
     * @param stillOnHold           tickets on hold now
     * @param expiredWithoutOutcome OnHoldExpired: four days on hold without an outcome
     */
    public record OnHold(int periodsEnded, int stillOnHold, int expiredWithoutOutcome, String p50, String p90,
                         String longest) {
    }

    public record Notifications(FailureRate overall, Map<String, FailureRate> byChannel) {
    }

    /** @param failureRate failed / (sent + failed); null when there is neither */
    public record FailureRate(int sent, int failed, Double failureRate) {
    }

    /**
     * @param read             record values taken
     * @param counted          events counted in the figures
     * @param duplicates       events already counted (same event id): redeliveries and deprecated versions
     * @param unknownContracts a type or version this consumer does not know, skipped
     * @param notNeeded        contracts it knows that no figure needs
     * @param notEnvelopes     values that are not an envelope, skipped
     */
    public record Records(long read, long counted, long duplicates, long unknownContracts, long notNeeded,
                          long notEnvelopes) {
    }

    // --- state ---------------------------------------------------------------------------------------

    /**
     * Where one engagement stands, derived from its published events with the rules coordination-service
     * uses for its own step (EngagementProgress), so the step names are the ones its API shows.
     */
    private static final class Engagement {
        boolean opened;
        String size;
        boolean requirementsRecorded;
        int latestPlan;
        Boolean latestPlanDeviates;
        String revisionOutcome;
        boolean returnedToPlanning;
        boolean deviationAccepted;
        boolean migrationStarted;
        boolean migrationCompleted;
        boolean closed;
        final Set<String> requestedReviews = new LinkedHashSet<>();

        void planSubmitted(int planVersion) {
            latestPlan = planVersion;
            latestPlanDeviates = null;
            revisionOutcome = null;
            returnedToPlanning = false;
            deviationAccepted = false;
        }

        void compared(int planVersion, boolean deviates) {
            if (planVersion == latestPlan) {
                latestPlanDeviates = deviates;
            }
        }

        void revisionDiscussed(int planVersion, String outcome) {
            if (planVersion == latestPlan) {
                revisionOutcome = outcome;
            }
        }

        void deviationAccepted(int planVersion) {
            deviationAccepted = planVersion == latestPlan;
        }

        String step(Set<String> completedReviews) {
            if (closed) {
                return "CLOSED";
            }
            if (migrationCompleted) {
                return "MIGRATION_COMPLETED";
            }
            if (migrationStarted) {
                return "MIGRATING";
            }
            if (!requirementsRecorded) {
                return "OPENED";
            }
            if (latestPlanDeviates == null) {
                return "REQUIREMENTS_RECORDED";
            }
            if (!latestPlanDeviates) {
                return "PLAN_CONFORMS";
            }
            if (deviationAccepted) {
                return "DEVIATION_ACCEPTED";
            }
            if (returnedToPlanning || "WILL_REVISE".equals(revisionOutcome)) {
                return "PLANNING";
            }
            boolean reviewPending = requestedReviews.stream().anyMatch(id -> !completedReviews.contains(id));
            return reviewPending ? "AWAITING_SUPPORT_REVIEW" : "DEVIATION_PROCESS";
        }
    }

    private static final class PlanComparisons {
        int compared;
        int deviating;
    }

    private static final class DeliveryCounts {
        int sent;
        int failed;

        FailureRate rate() {
            int ended = sent + failed;
            return new FailureRate(sent, failed, ended == 0 ? null : (double) failed / ended);
        }
    }

    private static final class RecordCounts {
        long read;
        long counted;
        long duplicates;
        long unknownContracts;
        long notNeeded;
        long notEnvelopes;
    }
}
