package com.upgradecoordination.coordination.api;

/** ProServ is recommended on every engagement, highly from 5,000 expected users (SPEC C3). */
public enum ProfessionalServicesStrength { RECOMMENDED, HIGHLY_RECOMMENDED }
