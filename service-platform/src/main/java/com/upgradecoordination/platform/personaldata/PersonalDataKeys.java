package com.upgradecoordination.platform.personaldata;

import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code personal_data_key} table: one AES-256 key per person (found by {@link PersonHash},
 * never by the identifier), named in each encrypted field by a random key id. Erasing a person
 * empties the key's secret; the row stays, so an auditor can see that and when it was erased.
 *
 * <p>Keys are cached for {@code cacheFor}: another instance that erases a key is seen here after
 * that time at most. An erased key is remembered for good (erasure is final).
 */
public class PersonalDataKeys {

    /** A person's key: the id written into each field it encrypts, and the secret. */
    public record Key(String id, SecretKey secret) {
    }

    private record Cached<T>(T value, Instant loadedAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Duration cacheFor;
    private final Map<String, Cached<Key>> activeByPerson = new ConcurrentHashMap<>();
    private final Map<String, Cached<Optional<SecretKey>>> byId = new ConcurrentHashMap<>();

    public PersonalDataKeys(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock,
                            Duration cacheFor) {
        this.jdbc = jdbc;
        // A new key commits at once, apart from the event being written: were it rolled back with a
        // failed append, the cache would still hand it out and later fields would be unreadable.
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    /** The person's readable key, made on first use. */
    public Key keyFor(String personHash) {
        Cached<Key> cached = activeByPerson.get(personHash);
        if (cached != null && fresh(cached)) {
            return cached.value();
        }
        Key key = readableKeyOf(personHash).orElseGet(() -> ownTransaction.execute(status -> newKey(personHash)));
        activeByPerson.put(personHash, new Cached<>(key, clock.instant()));
        byId.put(key.id(), new Cached<>(Optional.of(key.secret()), clock.instant()));
        return key;
    }

    /** The secret of a key id; empty when the key was erased (or never existed). */
    public Optional<SecretKey> secret(String keyId) {
        Cached<Optional<SecretKey>> cached = byId.get(keyId);
        if (cached != null && (cached.value().isEmpty() || fresh(cached))) {
            return cached.value();
        }
        Optional<SecretKey> secret = jdbc.sql("SELECT secret FROM personal_data_key WHERE key_id = :id")
                .param("id", keyId)
                .query((row, number) -> Optional.ofNullable(row.getBytes("secret")).map(PersonalDataKeys::aes))
                .optional()
                .flatMap(found -> found);
        byId.put(keyId, new Cached<>(secret, clock.instant()));
        return secret;
    }

    /** How many of the person's keys still decrypt something. */
    public int readableKeys(String personHash) {
        return jdbc.sql("SELECT COUNT(*) FROM personal_data_key WHERE person_hash = :person AND secret IS NOT NULL")
                .param("person", personHash).query(Integer.class).single();
    }

    /** How many keys the person ever had, erased or not (an erased key's row stays). */
    public int allKeys(String personHash) {
        return jdbc.sql("SELECT COUNT(*) FROM personal_data_key WHERE person_hash = :person")
                .param("person", personHash).query(Integer.class).single();
    }

    /** Empties the secret of every readable key of the person, in the caller's transaction. */
    public int erase(String personHash) {
        List<String> ids = jdbc.sql("""
                        SELECT key_id FROM personal_data_key WHERE person_hash = :person AND secret IS NOT NULL""")
                .param("person", personHash).query(String.class).list();
        int erased = jdbc.sql("""
                        UPDATE personal_data_key SET secret = NULL, erased_at = :now
                        WHERE person_hash = :person AND secret IS NOT NULL""")
                .param("now", Timestamp.from(clock.instant()))
                .param("person", personHash)
                .update();
        activeByPerson.remove(personHash);
        ids.forEach(id -> byId.put(id, new Cached<>(Optional.empty(), clock.instant())));
        return erased;
    }

    private Optional<Key> readableKeyOf(String personHash) {
        return jdbc.sql("""
                        SELECT key_id, secret FROM personal_data_key
                        WHERE person_hash = :person AND secret IS NOT NULL
                        ORDER BY created_at, key_id FETCH FIRST 1 ROWS ONLY""")
                .param("person", personHash)
                .query((row, number) -> new Key(row.getString("key_id"), aes(row.getBytes("secret"))))
                .optional();
    }

    private Key newKey(String personHash) {
        Key key = new Key(UUID.randomUUID().toString(), generated());
        jdbc.sql("""
                        INSERT INTO personal_data_key (key_id, person_hash, secret, created_at)
                        VALUES (:id, :person, :secret, :now)""")
                .param("id", key.id())
                .param("person", personHash)
                .param("secret", key.secret().getEncoded())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return key;
    }

    private boolean fresh(Cached<?> cached) {
        return cached.loadedAt().plus(cacheFor).isAfter(clock.instant());
    }

    private static SecretKey generated() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    private static SecretKey aes(byte[] secret) {
        return new SecretKeySpec(secret, "AES");
    }
}
