package com.upgradecoordination.coordination.domain;

import static com.upgradecoordination.platform.domain.CommandInput.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.coordination.api.ErasePersonalDataCommand;
import com.upgradecoordination.coordination.api.PersonalDataErasedEvent;
import com.upgradecoordination.platform.domain.RuleViolationException;
import com.upgradecoordination.platform.personaldata.PersonalDataShredder;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The erasures of one person's personal data (D18), a stream named by the person's hash, so an
 * auditor reads who erased whom (by hash) and when, with the usual history and hash chain. The
 * keys are destroyed in the command's transaction: the event and the erasure commit together.
 */
@Aggregate
public class PersonalDataErasure {

    static final int MAX_PERSON_LENGTH = 255;

    @AggregateIdentifier
    private String personHash;
    private int erasures;

    protected PersonalDataErasure() {
        // for Axon
    }

    /** Returns how many keys were destroyed. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(ErasePersonalDataCommand command, PersonalDataShredder shredder, Clock clock) {
        require(command.person(), "person", MAX_PERSON_LENGTH);
        if (shredder.readableKeys(command.person()) == 0) {
            if (erasures > 0 || shredder.everStored(command.person())) {
                throw new RuleViolationException("personal-data-already-erased",
                        "This person's personal data is already erased, and none was stored since");
            }
            throw new RuleViolationException("personal-data-unknown",
                    "This service holds no personal data of this person (identifiers are compared exactly)");
        }
        int keysErased = shredder.erase(command.person());
        apply(new PersonalDataErasedEvent(command.personHash(), keysErased, clock.instant()));
        return keysErased;
    }

    @EventSourcingHandler
    void on(PersonalDataErasedEvent event) {
        personHash = event.personHash();
        erasures++;
    }
}
