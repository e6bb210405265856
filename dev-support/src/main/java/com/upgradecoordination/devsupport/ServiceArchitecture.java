package com.upgradecoordination.devsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;

/**
 * The layering every service keeps (docs/architecture.md), one set of rules for all of them: its
 * messages ({@code api}) know nothing else of the service; its {@code domain} knows neither its
 * edges (web, read models, messaging) nor infrastructure (Spring, Kafka, JDBC, JSON, Reactor, the
 * platform's web, relay and inbox); its read models know neither HTTP nor Kafka listeners; and its
 * packages form no cycle.
 */
public final class ServiceArchitecture {

    private ServiceArchitecture() {
    }

    /** The rules for the service whose classes are under {@code com.upgradecoordination.<service>}. */
    public static List<ArchRule> rules(String service) {
        String root = "com.upgradecoordination." + service;
        return List.of(
                noClasses().that().resideInAPackage(root + ".api..")
                        .should().dependOnClassesThat().resideInAnyPackage(root + ".domain..", root + ".readmodel..",
                                root + ".web..", root + ".messaging..")
                        .as("the messages of " + service + " (api) know nothing else of the service"),
                noClasses().that().resideInAPackage(root + ".domain..")
                        .should().dependOnClassesThat().resideInAnyPackage(root + ".readmodel..", root + ".web..",
                                root + ".messaging..", "org.springframework..", "org.apache.kafka..", "tools.jackson..",
                                "java.sql..", "reactor..", "com.upgradecoordination.platform.web..",
                                "com.upgradecoordination.platform.relay..", "com.upgradecoordination.platform.inbox..")
                        .as("the domain of " + service + " knows neither its edges nor infrastructure"),
                noClasses().that().resideInAPackage(root + ".readmodel..")
                        .should().dependOnClassesThat().resideInAnyPackage(root + ".web..", root + ".messaging..")
                        .as("the read models of " + service + " know neither HTTP nor Kafka listeners"),
                slices().matching(root + ".(*)..").should().beFreeOfCycles()
                        .as("the packages of " + service + " form no cycle"));
    }

    /** The service's main classes, as the rules see them. */
    public static JavaClasses classesOf(String service) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.upgradecoordination." + service);
    }

    /** Checks all {@link #rules} on the service's main classes and reports every violation at once. */
    public static void check(String service) {
        CompositeArchRule.of(rules(service)).check(classesOf(service));
    }
}
