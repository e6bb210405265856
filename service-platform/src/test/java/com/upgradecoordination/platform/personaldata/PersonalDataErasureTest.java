package com.upgradecoordination.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ERASE command and the erasure another service asked for ({@code PersonalDataErased}): recorded
 * by the person's hash, refused only for an invalid identifier.
 */
class PersonalDataErasureTest {

    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    static final String CSM = "casey.csm";
    static final String CSM_HASH = PersonHash.of(CSM);

    /** The service's keys as the aggregate sees them: readable key counts per person, and the erasures asked for. */
    static final class KeysInMemory implements PersonalDataShredder {
        final Map<String, Integer> readable = new HashMap<>();
        final List<String> erasures = new ArrayList<>();

        @Override
        public int erase(String personHash) {
            erasures.add(personHash);
            Integer keys = readable.put(personHash, 0);
            return keys == null ? 0 : keys;
        }
    }

    KeysInMemory keys;
    FixtureConfiguration<PersonalDataErasure> fixture;

    @BeforeEach
    void setUp() {
        keys = new KeysInMemory();
        fixture = new AggregateTestFixture<>(PersonalDataErasure.class);
        fixture.registerInjectableResource(keys);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void erasingAPersonDestroysTheirKeysAndRecordsItByHash() {
        keys.readable.put(CSM_HASH, 2);

        fixture.givenNoPriorActivity()
                .when(new ErasePersonalDataCommand(CSM))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(2)
                .expectEvents(new PersonalDataErasedEvent(CSM_HASH, 2, NOW));
        assertThat(keys.erasures).containsExactly(CSM_HASH);
        assertThat(CSM_HASH).hasSize(64).doesNotContain(CSM);
    }

    @Test
    void dataStoredSinceAnEarlierErasureIsErasedAgain() {
        keys.readable.put(CSM_HASH, 1);

        fixture.given(new PersonalDataErasedEvent(CSM_HASH, 2, NOW.minusSeconds(3600)))
                .when(new ErasePersonalDataCommand(CSM))
                .expectResultMessagePayload(1)
                .expectEvents(new PersonalDataErasedEvent(CSM_HASH, 1, NOW));
    }

    @Test
    void aPersonThisServiceHoldsNothingOfIsStillErasedAndRecorded() {
        // the other services may hold them (an engineer known only to review-service's tickets):
        // the recorded erasure is what is published to them
        fixture.givenNoPriorActivity()
                .when(new ErasePersonalDataCommand("nobody.here"))
                .expectResultMessagePayload(0)
                .expectEvents(new PersonalDataErasedEvent(PersonHash.of("nobody.here"), 0, NOW));
        assertThat(keys.erasures).containsExactly(PersonHash.of("nobody.here"));
    }

    @Test
    void aPersonErasedBeforeIsErasedAndRecordedAgain() {
        // what the other services stored since is erased when they read the new record
        fixture.given(new PersonalDataErasedEvent(CSM_HASH, 2, NOW.minusSeconds(3600)))
                .when(new ErasePersonalDataCommand(CSM))
                .expectResultMessagePayload(0)
                .expectEvents(new PersonalDataErasedEvent(CSM_HASH, 0, NOW));
    }

    @Test
    void aBlankIdentifierIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ErasePersonalDataCommand(" "))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("person: required")
                .expectNoEvents();
        assertThat(keys.erasures).isEmpty();
    }

    @Test
    void anOverlongIdentifierIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ErasePersonalDataCommand("p".repeat(PersonalDataErasure.MAX_PERSON_LENGTH + 1)))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("person: at most 255 characters")
                .expectNoEvents();
        assertThat(keys.erasures).isEmpty();
    }

    @Test
    void aPersonErasedElsewhereIsForgottenHereAndRecordedByHash() {
        keys.readable.put(CSM_HASH, 1);

        fixture.givenNoPriorActivity()
                .when(new ForgetPersonCommand(CSM_HASH))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1)
                .expectEvents(new PersonalDataErasedEvent(CSM_HASH, 1, NOW));
        assertThat(keys.erasures).containsExactly(CSM_HASH);
    }

    @Test
    void aPersonErasedElsewhereThatThisServiceHoldsNoKeyOfIsStillRecorded() {
        // its read models may still hold the identifier in clear: the copies are replaced all the same
        fixture.givenNoPriorActivity()
                .when(new ForgetPersonCommand(CSM_HASH))
                .expectResultMessagePayload(0)
                .expectEvents(new PersonalDataErasedEvent(CSM_HASH, 0, NOW));
        assertThat(keys.erasures).containsExactly(CSM_HASH);
    }

    @Test
    void aSecondErasureElsewhereIsRecordedAgain() {
        fixture.given(new PersonalDataErasedEvent(CSM_HASH, 2, NOW.minusSeconds(3600)))
                .when(new ForgetPersonCommand(CSM_HASH))
                .expectEvents(new PersonalDataErasedEvent(CSM_HASH, 0, NOW));
    }
}
