package com.upgradecoordination.coordination.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.coordination.api.Deviation;
import com.upgradecoordination.coordination.api.DeviationKind;
import com.upgradecoordination.coordination.api.PlanSharedWithSupportEvent;
import com.upgradecoordination.events.IntegrationEventCatalog;
import com.upgradecoordination.events.coordination.ArchitectureDeviation;
import com.upgradecoordination.events.coordination.PlanSharedWithSupport;
import com.upgradecoordination.platform.relay.OutboundIntegrationEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which contract each published domain event becomes, field by field. */
class CoordinationIntegrationEventsTest {

    static final String ID = "engagement-1";
    static final List<Deviation> GITALY_UNDERSIZED =
            List.of(new Deviation("gitaly", "3x4/15", "1x4/15", DeviationKind.UNDERSIZED));
    static final List<ArchitectureDeviation> GITALY_UNDERSIZED_CONTRACT =
            List.of(new ArchitectureDeviation("gitaly", "3x4/15", "1x4/15", "UNDERSIZED"));

    final CoordinationIntegrationEvents translator = new CoordinationIntegrationEvents();

    Record published(Object domainEvent) {
        OutboundIntegrationEvent outbound = translator.translate(domainEvent).orElseThrow();
        assertThat(outbound.caseId()).isEqualTo(ID);
        assertThat(IntegrationEventCatalog.CONTRACTS).contains(outbound.payload().getClass());
        return outbound.payload();
    }

    @Test
    void aSharedPlanBecomesPlanSharedWithSupport() {
        assertThat(published(new PlanSharedWithSupportEvent(ID, "plan-review-1", 2, "Acme Corp", "casey.csm", "3k",
                "https://wiki.example/plan", false, GITALY_UNDERSIZED)))
                .isEqualTo(new PlanSharedWithSupport(ID, "plan-review-1", 2, "Acme Corp", "casey.csm", "3k",
                        "https://wiki.example/plan", false, GITALY_UNDERSIZED_CONTRACT));
    }
}
