package com.upgradecoordination.platform.personaldata;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Erases a person, the same way in every service: empties the person's keys (every stored field
 * they encrypted then reads {@link PersonalDataCipher#ERASED}, and no stored row changes, so the
 * hash chain still holds), deletes the aggregate snapshots (a cache that holds fields in clear,
 * D13: they are made again from the events, which now read "erased"), deletes the person's
 * idempotency keys, and has every {@link PersonalDataCopies} replace the identifier. All in the
 * caller's transaction.
 */
public class StoredPersonalDataShredder implements PersonalDataShredder {

    private final PersonalDataKeys keys;
    private final JdbcClient jdbc;
    private final List<PersonalDataCopies> copies;

    public StoredPersonalDataShredder(PersonalDataKeys keys, JdbcClient jdbc, List<PersonalDataCopies> copies) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.copies = copies;
    }

    @Override
    public int erase(String personHash) {
        HashedPerson person = new HashedPerson(personHash);
        int erased = keys.erase(personHash);
        // Every snapshot, not only the person's aggregates': which ones hold the person is only
        // known by decrypting every stream. Erasures are rare; a long aggregate replays once.
        jdbc.sql("DELETE FROM snapshotevententry").update();
        // the person's retry cache: keyed by principal, and its answers may name them
        jdbc.sql("SELECT DISTINCT principal FROM idempotency_key").query(String.class).list().stream()
                .filter(person::is)
                .forEach(principal -> jdbc.sql("DELETE FROM idempotency_key WHERE principal = :principal")
                        .param("principal", principal).update());
        copies.forEach(copy -> copy.erase(person));
        return erased;
    }
}
