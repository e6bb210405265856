package com.upgradecoordination.platform.personaldata;

/**
 * Crypto-shredding of one person's data, as an aggregate's command handler sees it (no Spring in
 * this interface, so domain code may take it as a handler parameter).
 */
public interface PersonalDataShredder {

    /** How many of the person's keys can still decrypt stored fields: 0 when nothing is readable. */
    int readableKeys(String person);

    /** Whether the person's data was ever stored here (keys readable or already erased). */
    boolean everStored(String person);

    /**
     * Erases the person's keys and every clear copy the service keeps; the stored events stay as
     * they are. Returns how many keys were erased.
     */
    int erase(String person);
}
