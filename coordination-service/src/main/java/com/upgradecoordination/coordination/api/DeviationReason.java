package com.upgradecoordination.coordination.api;

/** Why a customer cannot or will not follow the reference architecture (SPEC C6c). */
public enum DeviationReason { COMPANY_POLICY, BUDGET, OTHER }
