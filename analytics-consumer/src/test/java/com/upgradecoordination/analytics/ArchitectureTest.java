package com.upgradecoordination.analytics;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.upgradecoordination.events.Topics;
import org.junit.jupiter.api.Test;

/**
 * The reference consumer shows that the contracts need nothing but a Kafka client and a JSON parser:
 * its code uses only the JDK, kafka-clients, Jackson and shared-events' topic names (no Spring). The build
 * enforces the same of its runtime dependencies (maven-enforcer-plugin in its pom).
 */
class ArchitectureTest {

    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.upgradecoordination.analytics");

    @Test
    void usesOnlyTheJdkKafkaClientsJacksonAndTheTopicNames() {
        classes().should().onlyDependOnClassesThat(resideInAnyPackage("java..", "com.sun.net.httpserver..",
                        "org.apache.kafka.clients..", "org.apache.kafka.common..", "tools.jackson..",
                        "com.upgradecoordination.analytics..").or(belongToAnyOf(Topics.class)))
                .check(main);
    }
}
