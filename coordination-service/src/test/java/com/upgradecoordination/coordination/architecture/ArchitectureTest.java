package com.upgradecoordination.coordination.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain and its messages stay free of Spring, HTTP, Kafka, JDBC and JSON. */
@AnalyzeClasses(packages = "com.upgradecoordination.coordination", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainAndApiAreFreeOfInfrastructure = noClasses()
            .that().resideInAnyPackage("..coordination.domain..", "..coordination.api..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "tools.jackson..", "java.sql..",
                    "reactor..", "..coordination.web..", "..coordination.readmodel..", "..coordination.messaging..",
                    "..platform.web..", "..platform.relay..", "..platform.inbox..");

    @ArchTest
    static final ArchRule apiDoesNotDependOnTheDomain = noClasses()
            .that().resideInAPackage("..coordination.api..")
            .should().dependOnClassesThat().resideInAPackage("..coordination.domain..");
}
