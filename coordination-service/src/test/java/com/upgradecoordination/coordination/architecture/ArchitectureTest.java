package com.upgradecoordination.coordination.architecture;

import com.upgradecoordination.devsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** coordination-service keeps the layering of every service (ServiceArchitecture). */
class ArchitectureTest {

    @Test
    void keepsTheLayeringOfEveryService() {
        ServiceArchitecture.check("coordination");
    }
}
