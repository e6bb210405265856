package com.upgradecoordination.platform.personaldata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts one personal-data field for the event store and reads it back (crypto-shredding).
 *
 * <p>A stored field is a token {@code pd1:<keyId>:<base64 of IV and AES-GCM ciphertext>}; the key id
 * names a random key of {@link PersonalDataKeys}, so the token says nothing about the person. The
 * key id is authenticated with the text: a token moved to another key does not decrypt. Once the
 * key is erased the field reads {@link #ERASED}. A value that is no token (rows written before
 * fields were encrypted) reads as it is.
 */
public class PersonalDataCipher {

    /** What an erased person's field reads as, everywhere. */
    public static final String ERASED = "erased";

    static final String TOKEN_PREFIX = "pd1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /**
     * One cipher per thread, initialized again for each field (each has its own IV): a new one per
     * field looked the transformation up among the security providers every time, which was half of
     * what reading a field cost (a profile of the relay draining a backlog).
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(TRANSFORMATION + " is not available", unavailable);
        }
    });

    private final PersonalDataKeys keys;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(PersonalDataKeys keys) {
        this.keys = keys;
    }

    /** The token to store for a person's identifier; null and {@link #ERASED} stay as they are. */
    public String encrypt(String clear) {
        if (clear == null || ERASED.equals(clear)) {
            return clear;
        }
        PersonalDataKeys.Key key = keys.keyFor(PersonHash.of(clear));
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(key.id().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] ivAndSealed = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return TOKEN_PREFIX + key.id() + ":" + Base64.getEncoder().encodeToString(ivAndSealed);
        } catch (GeneralSecurityException unexpected) {
            throw new IllegalStateException("personal data could not be encrypted", unexpected);
        }
    }

    /** The identifier a stored value holds, {@link #ERASED} when its key is gone, or the value itself when no token. */
    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(TOKEN_PREFIX)) {
            return stored;
        }
        int keyEnd = stored.indexOf(':', TOKEN_PREFIX.length());
        if (keyEnd < 0) {
            return stored;
        }
        String keyId = stored.substring(TOKEN_PREFIX.length(), keyEnd);
        Optional<SecretKey> secret = keys.secret(keyId);
        if (secret.isEmpty()) {
            return ERASED;
        }
        byte[] ivAndSealed = Base64.getDecoder().decode(stored.substring(keyEnd + 1));
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, secret.get(), new GCMParameterSpec(TAG_BITS, ivAndSealed, 0, IV_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] clear = cipher.doFinal(ivAndSealed, IV_BYTES, ivAndSealed.length - IV_BYTES);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException altered) {
            // the hash chain says where; the field itself cannot be trusted
            throw new IllegalStateException("a stored personal-data field does not decrypt with its key " + keyId
                    + ": it was altered", altered);
        }
    }
}
