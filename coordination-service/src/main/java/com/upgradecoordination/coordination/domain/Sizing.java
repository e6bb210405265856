package com.upgradecoordination.coordination.domain;

/**
 * The size derived from requirements.
 *
 * @param sizedBy USERS or RPS: whichever asked for the larger size (USERS on a tie)
 */
public record Sizing(ReferenceArchitecture architecture, String sizedBy) {
}
