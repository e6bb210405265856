package com.upgradecoordination.review;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.upgradecoordination.devsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** review-service keeps the layering of every service (ServiceArchitecture), and one rule of its own. */
class ArchitectureTest {

    @Test
    void keepsTheLayeringOfEveryService() {
        ServiceArchitecture.check("review");
    }

    /** Its domain decides from its own messages; the Kafka contracts are translated at the edge. */
    @Test
    void theDomainDoesNotKnowTheKafkaContracts() {
        noClasses().that().resideInAPackage("..review.domain..")
                .should().dependOnClassesThat().resideInAPackage("com.upgradecoordination.events..")
                .check(ServiceArchitecture.classesOf("review"));
    }
}
