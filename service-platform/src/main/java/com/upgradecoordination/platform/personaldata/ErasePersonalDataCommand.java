package com.upgradecoordination.platform.personaldata;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erase one person's personal data from this service (crypto-shredding). The command carries the
 * identifier because the read models must find it; commands are never stored. The erasure's stream
 * is named by the identifier's hash.
 *
 * @param person the principal name or address to erase, exactly as the service stored it
 */
public record ErasePersonalDataCommand(String person) {

    @TargetAggregateIdentifier
    public String personHash() {
        return PersonHash.of(person);
    }
}
