package com.upgradecoordination.coordination.domain;

import static com.upgradecoordination.coordination.domain.Refusal.allow;
import static com.upgradecoordination.coordination.domain.Refusal.refuse;
import static com.upgradecoordination.coordination.domain.Refusal.refuseAndRecord;

import com.upgradecoordination.coordination.api.PlanAuthor;
import java.util.Optional;

/** The rules of Professional Services (SPEC C3). */
final class ProfessionalServicesPolicies {

    /** ProServ are recommended on the customer's requirements; only then are they engaged or declined. */
    static Optional<Refusal> recommendedFirst(ProfessionalServicesOffer offer) {
        return offer.recommended() != null ? allow() : refuse("requires-requirements",
                "Record the customer's requirements first: Professional Services are recommended on that basis");
    }

    static Optional<Refusal> engagedOnce(ProfessionalServicesOffer offer) {
        return offer.engaged() ? refuse("professional-services-already-engaged",
                "Professional Services are already engaged") : allow();
    }

    /** A decline comes before any decision, not after one. */
    static Optional<Refusal> decidedOnce(ProfessionalServicesOffer offer) {
        return offer.engaged() || offer.declined() ? refuse("professional-services-already-decided",
                "The customer already " + (offer.engaged() ? "engaged" : "declined") + " Professional Services")
                : allow();
    }

    /** The CSM's reference documentation stands in for ProServ the customer declined. */
    static Optional<Refusal> documentationOnlyAfterDecline(ProfessionalServicesOffer offer) {
        return offer.declinedWithoutEngaging() ? allow() : refuseAndRecord(
                "documentation-only-without-professional-services",
                "The CSM provides reference documentation when the customer declined Professional Services");
    }

    /** Without ProServ, the plan is the customer's own. */
    static Optional<Refusal> planFromCustomerAfterDecline(ProfessionalServicesOffer offer, PlanAuthor author) {
        return offer.declinedWithoutEngaging() && author != PlanAuthor.CUSTOMER ? refuseAndRecord(
                "plan-author-must-be-customer",
                "The customer declined Professional Services: the plan must come from the customer") : allow();
    }

    private ProfessionalServicesPolicies() {
    }
}
