package com.upgradecoordination.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.upgradecoordination.notification.api.RecipientEmailChangedEvent;
import com.upgradecoordination.notification.api.RecipientWebhookRemovedEvent;
import com.upgradecoordination.notification.api.RecipientWebhookSetEvent;
import com.upgradecoordination.notification.api.SetRecipientAddressesCommand;
import com.upgradecoordination.notification.api.WebhookFingerprint;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecipientTest {

    static final String HOOK = "https://hooks.slack.example/services/T0/B0/secret";
    static final String OTHER_HOOK = "http://chat.internal/hooks/proserv";

    /** The webhook table as the aggregate leaves it. */
    static final class WebhookTable implements WebhookUrls {

        final Map<String, String> urls = new HashMap<>();

        @Override
        public void store(String recipient, String url) {
            urls.put(recipient, url);
        }

        @Override
        public void remove(String recipient) {
            urls.remove(recipient);
        }
    }

    FixtureConfiguration<Recipient> fixture;
    WebhookTable webhooks;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Recipient.class);
        webhooks = new WebhookTable();
        fixture.registerInjectableResource(webhooks);
    }

    @Test
    void setsAPersonsAddressesKeepingTheWebhookUrlOutOfTheEvents() {
        fixture.givenNoPriorActivity()
                .when(new SetRecipientAddressesCommand("casey.csm", "casey@acme.example", HOOK))
                .expectEvents(new RecipientEmailChangedEvent("casey.csm", "casey@acme.example"),
                        new RecipientWebhookSetEvent("casey.csm", WebhookFingerprint.of(HOOK), null));
        assertThat(webhooks.urls).containsExactly(Map.entry("casey.csm", HOOK));
    }

    @Test
    void aFingerprintIsTwelveHexDigitsOfTheUrlsSha256() {
        assertThat(WebhookFingerprint.of(HOOK)).hasSize(12).matches("[0-9a-f]{12}")
                .isNotEqualTo(WebhookFingerprint.of(OTHER_HOOK));
        assertThat(WebhookFingerprint.masked(HOOK)).isEqualTo("hooks.slack.example…" + WebhookFingerprint.of(HOOK));
        assertThat(WebhookFingerprint.of(null)).isNull();
    }

    @Test
    void replacesThemAndRemovesWhatIsNotGiven() {
        fixture.given(new RecipientEmailChangedEvent("@proserv", "proserv@example.com"),
                        new RecipientWebhookSetEvent("@proserv", WebhookFingerprint.of(HOOK), null))
                .when(new SetRecipientAddressesCommand("@proserv", null, OTHER_HOOK))
                .expectEvents(new RecipientEmailChangedEvent("@proserv", null),
                        new RecipientWebhookSetEvent("@proserv", WebhookFingerprint.of(OTHER_HOOK),
                                WebhookFingerprint.of(HOOK)));
        assertThat(webhooks.urls).containsExactly(Map.entry("@proserv", OTHER_HOOK));
    }

    @Test
    void aWebhookLeftOutIsRemovedFromItsTableAndRecordedAsRemoved() {
        webhooks.store("@proserv", HOOK);
        fixture.given(new RecipientWebhookSetEvent("@proserv", WebhookFingerprint.of(HOOK), null))
                .when(new SetRecipientAddressesCommand("@proserv", "proserv@example.com", null))
                .expectEvents(new RecipientEmailChangedEvent("@proserv", "proserv@example.com"),
                        new RecipientWebhookRemovedEvent("@proserv", WebhookFingerprint.of(HOOK)));
        assertThat(webhooks.urls).isEmpty();
    }

    @Test
    void settingTheSameAddressesAgainChangesNothing() {
        fixture.given(new RecipientEmailChangedEvent("casey.csm", "casey@acme.example"),
                        new RecipientWebhookSetEvent("casey.csm", WebhookFingerprint.of(HOOK), null))
                .when(new SetRecipientAddressesCommand("casey.csm", "casey@acme.example", HOOK))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"casey", "casey@", "@acme.example", "casey@acme", "casey smith@acme.example",
            "a@b@c.example"})
    void refusesWhatIsNoEmailAddress(String email) {
        fixture.givenNoPriorActivity()
                .when(new SetRecipientAddressesCommand("casey.csm", email, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("email: not an email address (name@domain.tld, at most 254 characters)")
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hooks.example/x", "ftp://hooks.example/x", "https:///x", "https://user:pw@hooks.example/x",
            "https://hooks example/x", "javascript:alert(1)"})
    void refusesWhatIsNoHttpUrl(String url) {
        fixture.givenNoPriorActivity()
                .when(new SetRecipientAddressesCommand("casey.csm", null, url))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("webhookUrl: must be an absolute http or https URL with a host, at most 2000 "
                        + "characters")
                .expectNoEvents();
        assertThat(webhooks.urls).isEmpty();
    }

    @Test
    void refusesNoAddressAtAllAndAnUnknownTeam() {
        fixture.givenNoPriorActivity()
                .when(new SetRecipientAddressesCommand("casey.csm", null, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("email, webhookUrl: give at least one");
        setUp();
        fixture.givenNoPriorActivity()
                .when(new SetRecipientAddressesCommand("@everyone", "all@example.com", null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("recipient: no such team; teams are @support-upgrade-queue, "
                        + "@senior-reviewers and @proserv");
    }

    @Test
    void recipientNamesArePrincipalsOrTeams() {
        assertThatCode(() -> Recipient.validRecipient("casey.csm")).doesNotThrowAnyException();
        assertThatCode(() -> Recipient.validRecipient("@senior-reviewers")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Recipient.validRecipient("../etc")).hasMessageStartingWith("recipient: a principal");
        assertThatThrownBy(() -> Recipient.validRecipient(" ")).hasMessage("recipient: required");
        assertThatThrownBy(() -> Recipient.validRecipient("x".repeat(201))).hasMessage("recipient: at most 200 characters");
    }
}
