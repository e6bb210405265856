package com.upgradecoordination.platform.security;

import java.util.List;

/** The roles of SPEC S2; a token carries them in its {@code roles} claim. */
public final class Roles {

    public static final String CSM = "CSM";
    public static final String PROSERV = "PROSERV";
    public static final String SUPPORT_ENGINEER = "SUPPORT_ENGINEER";
    public static final String SENIOR_SUPPORT_ENGINEER = "SENIOR_SUPPORT_ENGINEER";
    public static final String SUPPORT_MANAGER = "SUPPORT_MANAGER";
    public static final String AUDITOR = "AUDITOR";
    public static final String INTEGRATION = "INTEGRATION";

    public static final List<String> ALL = List.of(CSM, PROSERV, SUPPORT_ENGINEER, SENIOR_SUPPORT_ENGINEER,
            SUPPORT_MANAGER, AUDITOR, INTEGRATION);

    private Roles() {
    }
}
