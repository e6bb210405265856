package com.upgradecoordination.platform.personaldata;

import static com.upgradecoordination.platform.domain.CommandInput.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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

    protected PersonalDataErasure() {
        // for Axon
    }

    /**
     * A request to erase a person (coordination-service). Returns how many keys were destroyed here.
     * Not refused when this service holds nothing of the person, nor when it erased them before: the
     * erasure is published, and the other services may hold the person (an engineer known only to
     * review-service's tickets), or may have stored something since.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(ErasePersonalDataCommand command, PersonalDataShredder shredder, Clock clock) {
        require(command.person(), "person", MAX_PERSON_LENGTH);
        return erase(command.personHash(), shredder, clock);
    }

    /**
     * Another service erased the person: forget them here too. Never refused either: whatever this
     * service held of the person (possibly nothing) is erased, and the erasure is recorded, so an
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
    }
}
