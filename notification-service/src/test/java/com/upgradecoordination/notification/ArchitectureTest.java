package com.upgradecoordination.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The service's layers: api and domain know nothing of the edges; nothing but the web layer knows HTTP. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.upgradecoordination.notification");

    @Test
    void apiDependsOnNothingOfTheService() {
        noClasses().that().resideInAPackage("..notification.api..")
                .should().dependOnClassesThat().resideInAnyPackage("..notification.domain..",
                        "..notification.readmodel..", "..notification.web..", "..notification.messaging..")
                .check(CLASSES);
    }

    @Test
    void domainDoesNotKnowTheEdges() {
        noClasses().that().resideInAPackage("..notification.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..notification.readmodel..",
                        "..notification.web..", "..notification.messaging..", "org.springframework..",
                        "org.apache.kafka..")
                .check(CLASSES);
    }

    @Test
    void onlyTheWebLayerKnowsHttp() {
        noClasses().that().resideOutsideOfPackage("..notification.web..")
                .should().dependOnClassesThat().resideInAnyPackage("..notification.web..",
                        "org.springframework.web..", "org.springframework.http..")
                .check(CLASSES);
    }
}
