package com.upgradecoordination.review;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package layout keeps the domain free of its edges. */
@AnalyzeClasses(packages = "com.upgradecoordination.review", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule apiDependsOnNothingOfTheService = noClasses()
            .that().resideInAPackage("..review.api..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..review.domain..", "..review.readmodel..", "..review.web..", "..review.messaging..");

    @ArchTest
    static final ArchRule domainKnowsNoEdges = noClasses()
            .that().resideInAPackage("..review.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..review.readmodel..", "..review.web..", "..review.messaging..",
                    "org.springframework.web..", "org.springframework.kafka..", "org.springframework.jdbc..",
                    "com.upgradecoordination.events..");

    @ArchTest
    static final ArchRule readModelKnowsNoEdges = noClasses()
            .that().resideInAPackage("..review.readmodel..")
            .should().dependOnClassesThat().resideInAnyPackage("..review.web..", "..review.messaging..");
}
