package com.upgradecoordination.platform.personaldata;

/**
 * Crypto-shredding of one person's data, as an aggregate's command handler sees it (no Spring in
 * this interface, so domain code may take it as a handler parameter). The person is named by
 * {@link PersonHash}: the erasure at coordination-service knows the identifier, the services that
 * consume {@code PersonalDataErased} only the hash.
 */
public interface PersonalDataShredder {

    /**
     * Erases the person's keys and every clear copy the service keeps; the stored events stay as
     * they are. Returns how many keys were erased.
     */
    int erase(String personHash);
}
