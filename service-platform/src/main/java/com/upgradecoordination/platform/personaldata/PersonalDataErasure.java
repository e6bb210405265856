package com.upgradecoordination.platform.personaldata;

import static com.upgradecoordination.platform.domain.CommandInput.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.platform.domain.RuleViolationException;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The erasures of one person's personal data in this service (D18), a stream named by the person's
 * hash, so an auditor reads who erased whom (by hash) and when, with the usual history and hash
 * chain. The keys are destroyed in the command's transaction: the event and the erasure commit
 * together. Every service has it (the platform registers it): coordination-service erases on a
 * Support Manager's request, the others when they consume {@code PersonalDataErased}.
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

    /** A request to erase a person (coordination-service). Returns how many keys were destroyed. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(ErasePersonalDataCommand command, PersonalDataShredder shredder, Clock clock) {
        require(command.person(), "person", MAX_PERSON_LENGTH);
        String hash = command.personHash();
        if (shredder.readableKeys(hash) == 0) {
            if (erasures > 0 || shredder.everStored(hash)) {
                throw new RuleViolationException("personal-data-already-erased",
                        "This person's personal data is already erased, and none was stored since");
            }
            throw new RuleViolationException("personal-data-unknown",
                    "This service holds no personal data of this person (identifiers are compared exactly)");
        }
        return erase(hash, shredder, clock);
    }

    /**
     * Another service erased the person: forget them here too. Never refused: whatever this service
     * held of the person (possibly nothing) is erased, and the erasure is recorded either way, so an
     * auditor of this service sees that the request arrived and was carried out.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(ForgetPersonCommand command, PersonalDataShredder shredder, Clock clock) {
        return erase(command.personHash(), shredder, clock);
    }

    private int erase(String hash, PersonalDataShredder shredder, Clock clock) {
        int keysErased = shredder.erase(hash);
        apply(new PersonalDataErasedEvent(hash, keysErased, clock.instant()));
        return keysErased;
    }

    @EventSourcingHandler
    void on(PersonalDataErasedEvent event) {
        personHash = event.personHash();
        erasures++;
    }
}
