package com.upgradecoordination.coordination.api;

/** Internal teams that may answer specific questions during an engagement (SPEC C4). */
public enum AssistingTeam { PRODUCT, QUALITY, SUPPORT, ENGINEERING, OTHER }
