package com.upgradecoordination.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.upgradecoordination.events.PersonalData;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Fields marked {@link PersonalData} as Axon's serializer stores them, with the platform's migration
 * on H2 in PostgreSQL mode (the local run's database; coordination's PersonalDataErasureIT does the
 * same on PostgreSQL).
 */
class PersonalDataCipherTest {

    record Visit(String room, @PersonalData String visitor, @PersonalData String host) {
    }

    PersonalDataKeys keys;
    Serializer serializer;
    JdbcClient jdbc;

    @BeforeEach
    void store() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        keys = new PersonalDataKeys(jdbc, new DataSourceTransactionManager(dataSource), Clock.systemUTC(),
                Duration.ofMinutes(1));
        PersonalDataCipher cipher = new PersonalDataCipher(keys);
        serializer = Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(mapper -> mapper.addModule(new PersonalDataModule(cipher)))
                .build();
    }

    String stored(Object value) {
        return new String(serializer.serialize(value, byte[].class).getData(), StandardCharsets.UTF_8);
    }

    Visit read(String json) {
        SerializedObject<byte[]> row = new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class,
                serializer.typeForClass(Visit.class));
        return serializer.deserialize(row);
    }

    @Test
    void aMarkedFieldIsStoredAsATokenAndReadBackInClear() {
        String json = stored(new Visit("lab", "alice@example.com", "bob"));

        assertThat(json).doesNotContain("alice@example.com").doesNotContain("\"bob\"").contains("\"room\":\"lab\"");
        assertThat(json).containsPattern("\"visitor\":\"pd1:[0-9a-f-]{36}:[A-Za-z0-9+/]+=*\"");
        assertThat(read(json)).isEqualTo(new Visit("lab", "alice@example.com", "bob"));
    }

    @Test
    void onePersonHasOneKeyAndEachFieldItsOwnRandomIv() {
        String first = stored(new Visit("lab", "alice", null));
        String second = stored(new Visit("lab", "alice", null));

        assertThat(first).isNotEqualTo(second);
        assertThat(keyIdIn(first)).isEqualTo(keyIdIn(second));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM personal_data_key").query(Integer.class).single()).isOne();
        assertThat(jdbc.sql("SELECT person_hash FROM personal_data_key").query(String.class).single())
                .isEqualTo(PersonHash.of("alice")).doesNotContain("alice");
        assertThat(read(first).host()).isNull();
    }

    @Test
    void anErasedPersonsFieldsReadErasedAndOthersStayReadable() {
        String json = stored(new Visit("lab", "alice", "bob"));

        assertThat(keys.erase(PersonHash.of("alice"))).isOne();

        assertThat(read(json)).isEqualTo(new Visit("lab", PersonalDataCipher.ERASED, "bob"));
        assertThat(keys.readableKeys(PersonHash.of("alice"))).isZero();
        assertThat(keys.allKeys(PersonHash.of("alice"))).isOne();
    }

    @Test
    void dataStoredAfterAnErasureGetsANewKeyWhileTheOldStaysErased() {
        String before = stored(new Visit("lab", "alice", null));
        keys.erase(PersonHash.of("alice"));

        String after = stored(new Visit("hall", "alice", null));

        assertThat(keyIdIn(after)).isNotEqualTo(keyIdIn(before));
        assertThat(read(before).visitor()).isEqualTo(PersonalDataCipher.ERASED);
        assertThat(read(after).visitor()).isEqualTo("alice");
    }

    @Test
    void aValueStoredBeforeFieldsWereEncryptedReadsAsItIs() {
        String legacy = "{\"room\":\"lab\",\"visitor\":\"alice\",\"host\":null}";

        assertThat(read(legacy)).isEqualTo(new Visit("lab", "alice", null));
    }

    @Test
    void anAlteredTokenIsRefusedNotReadAsSomethingElse() {
        String json = stored(new Visit("lab", "alice", null));
        String token = json.replaceAll(".*\"visitor\":\"([^\"]+)\".*", "$1");
        String tail = token.substring(token.length() - 6, token.length() - 2);
        String altered = json.replace(token, token.substring(0, token.length() - 6)
                + (tail.equals("AAAA") ? "BBBB" : "AAAA") + token.substring(token.length() - 2));

        assertThatThrownBy(() -> read(altered)).hasStackTraceContaining("altered");
        // the thread's cipher is initialized again for the next field, not left failed
        assertThat(read(json).visitor()).isEqualTo("alice");
        assertThat(read(stored(new Visit("lab", "bob", "carol")))).isEqualTo(new Visit("lab", "bob", "carol"));
    }

    @Test
    void threadsSealingAndReadingAtOnceEachGetTheirOwnFieldsBack() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Visit>>> results = threads.invokeAll(IntStream.range(0, 4)
                    .<Callable<List<Visit>>>mapToObj(thread -> () -> visitsOf(thread).stream()
                            .map(visit -> read(stored(visit))).toList())
                    .toList());
            for (int thread = 0; thread < 4; thread++) {
                assertThat(results.get(thread).get()).isEqualTo(visitsOf(thread));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<Visit> visitsOf(int thread) {
        return IntStream.range(0, 200)
                .mapToObj(field -> new Visit("lab", "visitor-" + thread + "-" + field, "host-" + field)).toList();
    }

    @Test
    void theActorInAMessagesMetadataIsStoredAsATokenToo() {
        MetaData metaData = MetaData.from(Map.of("actor", "alice", "actorRole", "CSM", "origin", "HTTP POST /x"));

        SerializedObject<byte[]> stored = serializer.serialize(metaData, byte[].class);
        String json = new String(stored.getData(), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("alice").contains("\"actor\":\"pd1:").contains("\"actorRole\":\"CSM\"");
        assertThat((MetaData) serializer.deserialize(stored)).isEqualTo(metaData);
        keys.erase(PersonHash.of("alice"));
        assertThat(((MetaData) serializer.deserialize(stored)).get("actor")).isEqualTo(PersonalDataCipher.ERASED);
    }

    @Test
    void aServiceAccountActingAsIntegrationIsNoPersonAndStaysInClear() {
        MetaData metaData = MetaData.from(Map.of("actor", "review-service", "actorRole", "INTEGRATION"));

        String json = new String(serializer.serialize(metaData, byte[].class).getData(), StandardCharsets.UTF_8);

        assertThat(json).contains("\"actor\":\"review-service\"");
    }

    @Test
    void theErasedMarkerIsNotAPersonAndIsStoredAsItIs() {
        String json = stored(new Visit("lab", PersonalDataCipher.ERASED, null));

        assertThat(json).contains("\"visitor\":\"erased\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM personal_data_key").query(Integer.class).single()).isZero();
    }

    private static String keyIdIn(String json) {
        return json.replaceAll(".*\"visitor\":\"pd1:([^:]+):.*", "$1");
    }
}
