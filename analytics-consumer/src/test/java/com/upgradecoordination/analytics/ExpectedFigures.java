package com.upgradecoordination.analytics;

import com.upgradecoordination.analytics.UpgradeFigures.DeviationRate;
import com.upgradecoordination.analytics.UpgradeFigures.FailureRate;
import com.upgradecoordination.analytics.UpgradeFigures.LeadTime;
import com.upgradecoordination.analytics.UpgradeFigures.Notifications;
import com.upgradecoordination.analytics.UpgradeFigures.OnHold;
import com.upgradecoordination.analytics.UpgradeFigures.Records;
import com.upgradecoordination.analytics.UpgradeFigures.Snapshot;
import java.util.Map;

/** The figures of {@link RecordedTopics}, worked out by hand from what the file says (its javadoc). */
final class ExpectedFigures {

    /**
     * Records read once each: 111 values; 1 not an envelope, 2 of unknown contracts, 5 duplicates, 25 not
     * needed; the 78 counted include a PersonalDataErased, acknowledged and nothing else.
     */
    static final Records RECORDS_READ_ONCE = new Records(111, 78, 5, 2, 25, 1);

    static final Snapshot OF_RECORDED_TOPICS = new Snapshot(
            Map.of(
                    "10k", Map.of("DEVIATION_ACCEPTED", 1, "MIGRATING", 1, "AWAITING_SUPPORT_REVIEW", 1,
                            "DEVIATION_PROCESS", 1),
                    "5k", Map.of("PLAN_CONFORMS", 1),
                    "3k", Map.of("PLANNING", 1),
                    "2k", Map.of("CLOSED", 1),
                    "unsized", Map.of("OPENED", 1)),
            Map.of(
                    "10k", new DeviationRate(4, 3, 0.75),
                    "5k", new DeviationRate(2, 1, 0.5),
                    "3k", new DeviationRate(1, 1, 1.0),
                    "2k", new DeviationRate(1, 0, 0.0)),
            // 4 h, 26 h, 50 h: nearest rank 2 of 3 and 3 of 3
            new LeadTime(3, 1, "PT26H", "PT50H"),
            // 30 h, 50 h, 96 h
            new OnHold(3, 1, 1, "PT50H", "PT96H", "PT96H"),
            new Notifications(new FailureRate(8, 2, 0.2), Map.of(
                    "EMAIL", new FailureRate(3, 1, 0.25),
                    "INBOX", new FailureRate(4, 0, 0.0),
                    "SLACK", new FailureRate(1, 0, 0.0),
                    "WEBHOOK", new FailureRate(0, 1, 1.0))),
            RECORDS_READ_ONCE);

    private ExpectedFigures() {
    }
}
