package com.upgradecoordination.platform.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How the service names a person without keeping the identifier: the SHA-256 of the identifier
 * (a principal name or an address), in hex. It finds the person's keys and names the person in the
 * erasure's event. It is a pseudonym, not anonymity: whoever guesses the identifier can recompute it.
 */
public final class PersonHash {

    private PersonHash() {
    }

    public static String of(String person) {
        if (person == null) {
            throw new IllegalArgumentException("person: required, the principal name or address to erase");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(person.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}
