package com.upgradecoordination.coordination.api;

/** Who is the customer's primary contact for a migration problem (SPEC C8). */
public enum ProblemRoute {
    /** Without ProServ, Support is the primary contact: the problem opens or joins a Support ticket. */
    SUPPORT,
    PROFESSIONAL_SERVICES
}
