package com.upgradecoordination.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.platform.domain.RecordedRuleViolationException;
import com.upgradecoordination.platform.domain.RuleViolationException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

/** Commands are timed under their type, with the outcome an operator tells apart. */
class CommandMetricsTest {

    record OpenThingCommand(String thingId) {
    }

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final CommandMetrics metrics = new CommandMetrics(meters);

    @Test
    void eachOutcomeIsCountedUnderTheCommandsTypeWithoutItsId() {
        handled().reportSuccess();
        handled().reportSuccess();
        handled().reportFailure(new RuleViolationException("closed", "the thing is closed"));
        handled().reportFailure(new RecordedRuleViolationException("late", "too late"));
        handled().reportFailure(new ConflictingAggregateVersionException("thing-1", 3, 4));
        handled().reportFailure(new ConcurrencyException("appended by another instance"));
        handled().reportFailure(new AggregateNotFoundException("thing-2", "no such thing"));
        handled().reportFailure(new IllegalArgumentException("thingId: must not be blank"));
        handled().reportFailure(new IllegalStateException("connection refused"));

        assertThat(count(CommandOutcome.SUCCESS)).isEqualTo(2);
        assertThat(count(CommandOutcome.REFUSED)).isEqualTo(2);
        assertThat(count(CommandOutcome.CONFLICT)).isEqualTo(2);
        assertThat(count(CommandOutcome.INVALID)).isEqualTo(2);
        assertThat(count(CommandOutcome.ERROR)).isEqualTo(1);
        assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                .noneMatch(tag -> tag.getValue().contains("thing-")));
    }

    private MessageMonitor.MonitorCallback handled() {
        return metrics.onMessageIngested(GenericCommandMessage.asCommandMessage(new OpenThingCommand("thing-1")));
    }

    private long count(CommandOutcome outcome) {
        return meters.get(MetricNames.COMMANDS)
                .tag("command", "CommandMetricsTest$OpenThingCommand")
                .tag("outcome", outcome.name())
                .timer().count();
    }
}
