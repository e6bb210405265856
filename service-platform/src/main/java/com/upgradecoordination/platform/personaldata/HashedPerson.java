package com.upgradecoordination.platform.personaldata;

import java.util.HashMap;
import java.util.Map;

/**
 * The person being erased, known by {@link PersonHash} only: a consumer of {@code PersonalDataErased}
 * never learns the identifier. Stored identifiers are matched by hashing them here, in Java (SQL hash
 * functions differ between PostgreSQL and H2, the local run's database). Each distinct value is
 * hashed once.
 */
public final class HashedPerson {

    private final String personHash;
    private final Map<String, Boolean> matches = new HashMap<>();

    public HashedPerson(String personHash) {
        if (personHash == null || personHash.isBlank()) {
            throw new IllegalArgumentException("personHash: required, the SHA-256 of the identifier in hex");
        }
        this.personHash = personHash;
    }

    public String hash() {
        return personHash;
    }

    /** Whether {@code identifier} is this person's (false for null). */
    public boolean is(String identifier) {
        return identifier != null && matches.computeIfAbsent(identifier, value -> PersonHash.of(value).equals(personHash));
    }
}
