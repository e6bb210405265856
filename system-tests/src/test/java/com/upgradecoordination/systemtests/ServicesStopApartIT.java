package com.upgradecoordination.systemtests;

import com.upgradecoordination.local.LocalStack.Service;
import org.junit.jupiter.api.Test;

/**
 * The services of one JVM (the local run, the end-to-end tests) stop apart: closing one service's
 * context leaves the others serving, and the last one closes too. When every context ran on Reactor
 * Netty's global resources, the first to close disposed the event loops the others' servers ran on,
 * and a test JVM once hung closing a stack.
 */
class ServicesStopApartIT {

    @Test
    void closingOneServiceLeavesTheOthersAnswering() {
        try (RunningStack running = RunningStack.start()) {
            for (Service service : Service.values()) {
                running.client(service).get().uri("/actuator/health").exchange().expectStatus().isOk();
            }

            running.stack.context(Service.NOTIFICATION).close();

            // fresh clients, so each request opens a connection to a server that must still be running
            running.client(Service.COORDINATION).get().uri("/actuator/health").exchange().expectStatus().isOk();
            running.client(Service.REVIEW).get().uri("/actuator/health").exchange().expectStatus().isOk();
        }
    }
}
