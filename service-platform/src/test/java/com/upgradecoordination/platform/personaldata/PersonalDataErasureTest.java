package com.upgradecoordination.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.platform.domain.RuleViolationException;
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
 * The ERASE command: recorded by the person's hash, refused when there is nothing to erase; and the
 * erasure another service asked for ({@code PersonalDataErased}), never refused.
 */
class PersonalDataErasureTest {

    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    static final String CSM = "casey.csm";
    static final String CSM_HASH = PersonHash.of(CSM);

    /** The service's keys as the aggregate sees them: readable and erased key counts per person. */
    static final class KeysInMemory implements PersonalDataShredder {
        final Map<String, Integer> readable = new HashMap<>();
        final Map<String, Integer> erased = new HashMap<>();
        final List<String> erasures = new ArrayList<>();

        @Override
        public int readableKeys(String personHash) {
            return readable.getOrDefault(personHash, 0);
        }

        @Override
        public boolean everStored(String personHash) {
            return readable.containsKey(personHash) || erased.containsKey(personHash);
        }

        @Override
        public int erase(String personHash) {
            erasures.add(personHash);
            int keys = readable.getOrDefault(personHash, 0);
            erased.merge(personHash, keys, Integer::sum);
            readable.put(personHash, 0);
            return keys;
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
        keys.erased.put(CSM_HASH, 2);
        keys.readable.put(CSM_HASH, 1);

        fixture.given(new PersonalDataErasedEvent(CSM_HASH, 2, NOW.minusSeconds(3600)))
                .when(new ErasePersonalDataCommand(CSM))
                .expectResultMessagePayload(1)
                .expectEvents(new PersonalDataErasedEvent(CSM_HASH, 1, NOW));
    }

    @Test
    void anAlreadyErasedPersonIsRefusedAndNothingIsRecorded() {
        keys.erased.put(CSM_HASH, 2);

        fixture.given(new PersonalDataErasedEvent(CSM_HASH, 2, NOW.minusSeconds(3600)))
                .when(new ErasePersonalDataCommand(CSM))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("This person's personal data is already erased, and none was stored since")
                .expectNoEvents();
        assertThat(keys.erasures).isEmpty();
    }

    @Test
    void aPersonErasedBeforeThisStreamExistedIsAlsoAlreadyErased() {
        keys.erased.put(CSM_HASH, 1);

        fixture.givenNoPriorActivity()
                .when(new ErasePersonalDataCommand(CSM))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("This person's personal data is already erased, and none was stored since")
                .expectNoEvents();
    }

    @Test
    void aPersonTheServiceNeverStoredIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ErasePersonalDataCommand("nobody.here"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("This service holds no personal data of this person "
                        + "(identifiers are compared exactly)")
                .expectNoEvents();
        assertThat(keys.erasures).isEmpty();
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
