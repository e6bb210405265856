package com.upgradecoordination.coordination.api;

/** Where a component runs. */
public enum Placement { VM, KUBERNETES }
