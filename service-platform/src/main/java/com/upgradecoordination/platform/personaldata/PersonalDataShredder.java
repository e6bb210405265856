package com.upgradecoordination.platform.personaldata;

/**
 * Crypto-shredding of one person's data, as an aggregate's command handler sees it (no Spring in
 * this interface, so domain code may take it as a handler parameter). The person is named by
 * {@link PersonHash}: the erasure at coordination-service knows the identifier, the services that
 * consume {@code PersonalDataErased} only the hash.
 */
public interface PersonalDataShredder {

    /** How many of the person's keys can still decrypt stored fields: 0 when nothing is readable. */
    int readableKeys(String personHash);

    /** Whether the person's data was ever stored here (keys readable or already erased). */
    boolean everStored(String personHash);

    /**
     * Erases the person's keys and every clear copy the service keeps; the stored events stay as
     * they are. Returns how many keys were erased.
     */
    int erase(String personHash);
}
