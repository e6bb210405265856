package com.upgradecoordination.coordination.api;

/** Who wrote a plan: Professional Services or the customer (SPEC C3, C5). */
public enum PlanAuthor { PROFESSIONAL_SERVICES, CUSTOMER }
