package com.upgradecoordination.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The platform's packages depend on each other one way only, and know none of the services. */
class PlatformArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.upgradecoordination.platform");

    @Test
    void itsPackagesFormNoCycle() {
        slices().matching("com.upgradecoordination.platform.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void itKnowsNoneOfTheServices() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.upgradecoordination.coordination..",
                "com.upgradecoordination.review..", "com.upgradecoordination.notification..").check(CLASSES);
    }
}
