package com.upgradecoordination.coordination.domain;

import static com.upgradecoordination.coordination.domain.ProfessionalServicesPolicies.decidedOnce;
import static com.upgradecoordination.coordination.domain.ProfessionalServicesPolicies.documentationOnlyAfterDecline;
import static com.upgradecoordination.coordination.domain.ProfessionalServicesPolicies.engagedOnce;
import static com.upgradecoordination.coordination.domain.ProfessionalServicesPolicies.recommendedFirst;
import static com.upgradecoordination.coordination.domain.Refusal.enforce;
import static com.upgradecoordination.platform.domain.CommandInput.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.coordination.api.DeclineProfessionalServicesCommand;
import com.upgradecoordination.coordination.api.EngageProfessionalServicesCommand;
import com.upgradecoordination.coordination.api.EngagementOpenedEvent;
import com.upgradecoordination.coordination.api.ProblemRoute;
import com.upgradecoordination.coordination.api.ProfessionalServicesDeclinedEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesEngagedEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesRecommendedEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesStrength;
import com.upgradecoordination.coordination.api.ProvideReferenceDocumentationCommand;
import com.upgradecoordination.coordination.api.ReferenceDocumentationProvidedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * Professional Services (SPEC C3), a member of the engagement: recommended on the customer's
 * requirements, then engaged or declined; without them the CSM provides reference documentation.
 */
class ProfessionalServicesOffer {

    private String engagementId;
    private ProfessionalServicesStrength recommended;
    private boolean engaged;
    private boolean declined;

    /** How strongly ProServ is recommended, null before the requirements are recorded. */
    ProfessionalServicesStrength recommended() {
        return recommended;
    }

    boolean engaged() {
        return engaged;
    }

    boolean declined() {
        return declined;
    }

    /** The customer declined ProServ and has not engaged them after all. */
    boolean declinedWithoutEngaging() {
        return declined && !engaged;
    }

    /** Who a migration problem goes to: ProServ when engaged, otherwise Support. */
    ProblemRoute problemRoute() {
        return engaged ? ProblemRoute.PROFESSIONAL_SERVICES : ProblemRoute.SUPPORT;
    }

    /** The recommendation for {@code expectedUsers}, when it is not the one already made. */
    void recommendFor(int expectedUsers) {
        ProfessionalServicesStrength strength = expectedUsers >= Engagement.LARGE_UPGRADE_USERS
                ? ProfessionalServicesStrength.HIGHLY_RECOMMENDED : ProfessionalServicesStrength.RECOMMENDED;
        if (strength != recommended) {
            apply(new ProfessionalServicesRecommendedEvent(engagementId, strength, expectedUsers));
        }
    }

    @CommandHandler
    void handle(EngageProfessionalServicesCommand command) {
        enforce(recommendedFirst(this), engagementId, command);
        enforce(engagedOnce(this), engagementId, command);
        apply(new ProfessionalServicesEngagedEvent(engagementId));
    }

    @CommandHandler
    void handle(DeclineProfessionalServicesCommand command) {
        enforce(recommendedFirst(this), engagementId, command);
        require(command.reason(), "reason");
        enforce(decidedOnce(this), engagementId, command);
        apply(new ProfessionalServicesDeclinedEvent(engagementId, command.reason().strip()));
    }

    /** Without ProServ, the CSM provides documentation such as the reference architectures, not a detailed plan. */
    @CommandHandler
    void handle(ProvideReferenceDocumentationCommand command) {
        if (command.links() == null || command.links().isEmpty()) {
            throw new IllegalArgumentException("links: at least one link");
        }
        for (String link : command.links()) {
            if (link == null || !link.strip().matches("(?i)https?://\\S+")) {
                throw new IllegalArgumentException("links: each an http(s) URL, not '" + link + "'");
            }
        }
        enforce(documentationOnlyAfterDecline(this), engagementId, command);
        apply(new ReferenceDocumentationProvidedEvent(engagementId,
                command.links().stream().map(String::strip).toList()));
    }

    @EventSourcingHandler
    void on(EngagementOpenedEvent event) {
        engagementId = event.engagementId();
    }

    @EventSourcingHandler
    void on(ProfessionalServicesRecommendedEvent event) {
        recommended = event.strength();
    }

    @EventSourcingHandler
    void on(ProfessionalServicesEngagedEvent event) {
        engaged = true;
    }

    @EventSourcingHandler
    void on(ProfessionalServicesDeclinedEvent event) {
        declined = true;
    }
}
