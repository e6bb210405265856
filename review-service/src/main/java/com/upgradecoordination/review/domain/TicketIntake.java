package com.upgradecoordination.review.domain;

import static com.upgradecoordination.platform.domain.CommandInput.optional;
import static com.upgradecoordination.platform.domain.CommandInput.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.review.api.CsmAddedAsFollowerEvent;
import com.upgradecoordination.review.api.CsmSource;
import com.upgradecoordination.review.api.CustomerInformationProvidedEvent;
import com.upgradecoordination.review.api.InformationDeficiency;
import com.upgradecoordination.review.api.MigrationProblemNotedEvent;
import com.upgradecoordination.review.api.MissingInformationRequestedEvent;
import com.upgradecoordination.review.api.OpenMigrationProblemTicketCommand;
import com.upgradecoordination.review.api.RequestUpgradeAssistanceCommand;
import com.upgradecoordination.review.api.RequiredInformationCompleteEvent;
import com.upgradecoordination.review.api.TicketForm;
import com.upgradecoordination.review.api.TicketOpenedForMigrationProblemEvent;
import com.upgradecoordination.review.api.TicketPriority;
import com.upgradecoordination.review.api.UpgradeAssistanceRequestedEvent;
import com.upgradecoordination.review.api.UpgradeRequestDetails;
import com.upgradecoordination.review.api.UpgradeRescheduledEvent;
import com.upgradecoordination.review.domain.upgrade.RequiredInformationCheck;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * What Support was told about the upgrade (SPEC T1, T3, T4; C8): the request's details and whether
 * the required information is complete, the CSM who follows, the migration problems noted. A member
 * of {@link Ticket}: it sees every event of the ticket and keeps its own part, with the form the
 * ticket came on.
 */
class TicketIntake {

    static final int MAX_ID = 100;
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 20_000;

    private TicketForm form;
    private UpgradeRequestDetails details;
    private boolean informationComplete;
    private String followingCsm;
    private final Set<String> notedProblems = new HashSet<>();

    TicketIntake() {
        // empty until the ticket's first event; also for snapshots
    }

    /**
     * T1: a new request for Upgrade Assistance; its case is the engagement's, or its own without one.
     * T3: the CSM the request names follows it, else the one coordination-service named for the
     * engagement or the organisation; asked even when the request names one, since asking holds the
     * engagement until the ticket commits (see {@link CsmDirectory}).
     */
    static TicketRef request(RequestUpgradeAssistanceCommand command, CsmDirectory csms) {
        require(command.ticketId(), "ticketId", MAX_ID);
        if (command.form() == null || !command.form().isRequestForm()) {
            throw new IllegalArgumentException("form: STANDARD or US_GOVERNMENT");
        }
        require(command.organisation(), "organisation", MAX_NAME);
        String engagementId = optional(command.engagementId(), "engagementId", MAX_ID);
        String csm = optional(command.csm(), "csm", MAX_NAME);
        if (csm != null && command.csmSource() == null) {
            throw new IllegalArgumentException("csmSource: required with a CSM");
        }
        UpgradeDetailsInput.check(command.details());
        String organisation = command.organisation().strip();
        Optional<String> known = csms.csmForNewTicket(engagementId, organisation);
        TicketRef ticket = new TicketRef(command.ticketId(), engagementId != null ? engagementId : command.ticketId());
        apply(new UpgradeAssistanceRequestedEvent(ticket.ticketId(), ticket.caseId(), command.form(),
                TicketPriority.HIGH, organisation, engagementId, command.details()));
        if (csm != null) {
            apply(new CsmAddedAsFollowerEvent(ticket.ticketId(), ticket.caseId(), csm, command.csmSource()));
        } else {
            known.ifPresent(coordinationCsm -> apply(new CsmAddedAsFollowerEvent(ticket.ticketId(), ticket.caseId(),
                    coordinationCsm, CsmSource.COORDINATION)));
        }
        return ticket;
    }

    /** C8: a migration problem routed to Support opens a ticket in the engagement's case. */
    static void openForMigrationProblem(OpenMigrationProblemTicketCommand command) {
        require(command.ticketId(), "ticketId", MAX_ID);
        require(command.engagementId(), "engagementId", MAX_ID);
        String organisation = optional(command.organisation(), "organisation", MAX_NAME);
        String csm = optional(command.csm(), "csm", MAX_NAME);
        require(command.problemId(), "problemId", MAX_ID);
        require(command.description(), "description", MAX_TEXT);
        String engagementId = command.engagementId().strip();
        apply(new TicketOpenedForMigrationProblemEvent(command.ticketId(), engagementId, engagementId, organisation,
                TicketPriority.HIGH, command.problemId().strip(), command.description().strip()));
        if (csm != null) {
            apply(new CsmAddedAsFollowerEvent(command.ticketId(), engagementId, csm, CsmSource.COORDINATION));
        }
    }

    /** Complete information includes the upgrade's date, time and timezone. */
    Instant upgradeAt() {
        return UpgradeDetailsInput.upgradeAt(details);
    }

    /** The form the ticket came on: a request's, or MIGRATION_PROBLEM. */
    TicketForm form() {
        return form;
    }

    boolean informationComplete() {
        return informationComplete;
    }

    boolean hasNoted(String problemId) {
        return notedProblems.contains(problemId);
    }

    /** T3: the CSM follows once; a CSM who already follows is not added again. */
    void follow(TicketRef ticket, String csm, CsmSource source) {
        if (followingCsm == null) {
            apply(new CsmAddedAsFollowerEvent(ticket.ticketId(), ticket.caseId(), csm, source));
        }
    }

    void noteProblem(TicketRef ticket, String problemId, String description) {
        apply(new MigrationProblemNotedEvent(ticket.ticketId(), ticket.caseId(), problemId, description));
    }

    void provide(TicketRef ticket, UpgradeRequestDetails given) {
        apply(new CustomerInformationProvidedEvent(ticket.ticketId(), ticket.caseId(), given));
    }

    /** Asks the customer for what is missing, or records that nothing is; true when complete. */
    boolean checkRequiredInformation(TicketRef ticket, UpgradeRequestDetails given,
                                     RequiredInformationCheck informationCheck, Clock clock) {
        List<InformationDeficiency> deficiencies = informationCheck.check(given, LocalDate.now(clock));
        if (deficiencies.isEmpty()) {
            apply(new RequiredInformationCompleteEvent(ticket.ticketId(), ticket.caseId()));
            return true;
        }
        apply(new MissingInformationRequestedEvent(ticket.ticketId(), ticket.caseId(), List.copyOf(deficiencies)));
        return false;
    }

    @EventSourcingHandler
    void on(UpgradeAssistanceRequestedEvent event) {
        form = event.form();
        details = event.details();
    }

    @EventSourcingHandler
    void on(TicketOpenedForMigrationProblemEvent event) {
        form = TicketForm.MIGRATION_PROBLEM;
        notedProblems.add(event.problemId());
    }

    @EventSourcingHandler
    void on(CsmAddedAsFollowerEvent event) {
        followingCsm = event.csm();
    }

    @EventSourcingHandler
    void on(MigrationProblemNotedEvent event) {
        notedProblems.add(event.problemId());
    }

    @EventSourcingHandler
    void on(CustomerInformationProvidedEvent event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(MissingInformationRequestedEvent event) {
        informationComplete = false;
    }

    @EventSourcingHandler
    void on(RequiredInformationCompleteEvent event) {
        informationComplete = true;
    }

    @EventSourcingHandler
    void on(UpgradeRescheduledEvent event) {
        details = new UpgradeRequestDetails(details.currentVersion(), details.targetVersion(), details.upgradePath(),
                details.instanceConditions(), details.upgradePlan(), details.rollbackPlan(), details.architecture(),
                details.contactEmail(), event.upgradeDate(), event.upgradeTime(), event.upgradeTimezone(),
                details.stagingNotes());
    }
}
