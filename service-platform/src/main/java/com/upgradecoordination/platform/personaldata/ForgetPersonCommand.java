package com.upgradecoordination.platform.personaldata;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Forget a person another service erased ({@code PersonalDataErased}): this service erases its own
 * keys and clear copies of that person. Only the hash travels; the service finds its copies by
 * hashing what it stores.
 *
 * @param personHash SHA-256 of the identifier, in hex (the erasure stream's id)
 */
public record ForgetPersonCommand(@TargetAggregateIdentifier String personHash) {
}
