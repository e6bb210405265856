package com.upgradecoordination.platform.observability;

import com.upgradecoordination.platform.domain.RuleViolationException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.modelling.command.ConcurrencyException;

/** How a command ended, as a metric tag: few values, so alerts can tell refusals from faults. */
public enum CommandOutcome {
    /** Handled and committed. */
    SUCCESS,
    /** A business rule refused it (recorded or not). */
    REFUSED,
    /** Its expected version was stale, or another instance appended first. */
    CONFLICT,
    /** Its input was invalid, or it named an aggregate that does not exist. */
    INVALID,
    /** Anything else: a fault someone should look at. */
    ERROR;

    static CommandOutcome of(Throwable failure) {
        if (failure instanceof RuleViolationException) {
            return REFUSED;
        }
        if (failure instanceof ConflictingModificationException || failure instanceof ConcurrencyException) {
            return CONFLICT;
        }
        if (failure instanceof IllegalArgumentException || failure instanceof AggregateNotFoundException
                || failure instanceof NoHandlerForCommandException) {
            return INVALID;
        }
        return ERROR;
    }
}
