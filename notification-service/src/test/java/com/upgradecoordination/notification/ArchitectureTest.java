package com.upgradecoordination.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.upgradecoordination.devsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** notification-service keeps the layering of every service (ServiceArchitecture), and one rule of its own. */
class ArchitectureTest {

    @Test
    void keepsTheLayeringOfEveryService() {
        ServiceArchitecture.check("notification");
    }

    @Test
    void onlyTheWebLayerKnowsHttp() {
        noClasses().that().resideOutsideOfPackage("..notification.web..")
                .should().dependOnClassesThat().resideInAnyPackage("..notification.web..",
                        "org.springframework.web..", "org.springframework.http..")
                .check(ServiceArchitecture.classesOf("notification"));
    }
}
