package com.upgradecoordination.events;

/**
 * Who caused an event: the authenticated principal and the role it acted in.
 * Services acting on their own (for example reacting to another service's event) use their
 * service account with role INTEGRATION.
 */
public record Actor(@PersonalData String principal, String role) {

    public static final String INTEGRATION_ROLE = "INTEGRATION";

    public static Actor serviceAccount(String serviceName) {
        return new Actor(serviceName, INTEGRATION_ROLE);
    }
}
