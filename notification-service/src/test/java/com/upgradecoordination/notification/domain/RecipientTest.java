package com.upgradecoordination.notification.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.upgradecoordination.notification.api.RecipientAddressesSetEvent;
import com.upgradecoordination.notification.api.SetRecipientAddressesCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecipientTest {

    static final String HOOK = "https://hooks.slack.example/services/T0/B0/secret";

    FixtureConfiguration<Recipient> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Recipient.class);
    }

    @Test
    void setsAPersonsAddresses() {
        fixture.givenNoPriorActivity()
                .when(new SetRecipientAddressesCommand("casey.csm", "casey@acme.example", HOOK))
                .expectEvents(new RecipientAddressesSetEvent("casey.csm", "casey@acme.example", HOOK));
    }

    @Test
    void replacesThemAndLeavesOutWhatIsNotGiven() {
        fixture.given(new RecipientAddressesSetEvent("@proserv", "proserv@example.com", HOOK))
                .when(new SetRecipientAddressesCommand("@proserv", null, "http://chat.internal/hooks/proserv"))
                .expectEvents(new RecipientAddressesSetEvent("@proserv", null, "http://chat.internal/hooks/proserv"));
    }

    @Test
    void settingTheSameAddressesAgainChangesNothing() {
        fixture.given(new RecipientAddressesSetEvent("casey.csm", "casey@acme.example", null))
                .when(new SetRecipientAddressesCommand("casey.csm", "casey@acme.example", null))
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
