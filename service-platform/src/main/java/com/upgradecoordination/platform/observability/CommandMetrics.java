package com.upgradecoordination.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * Times every command on the command bus, by command type and {@link CommandOutcome}. Axon reports
 * to a bus's monitor after the unit of work ended, so a stale version found at commit counts as a
 * conflict, not a success. Its histogram buckets are set in service-platform.yml
 * ({@code management.metrics.distribution.slo}), a few, to keep the series per command type few.
 */
class CommandMetrics implements MessageMonitor<Message<?>> {

    private final MeterRegistry meters;

    CommandMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        String command = message instanceof CommandMessage<?> commandMessage
                ? simpleName(commandMessage.getCommandName()) : message.getPayloadType().getSimpleName();
        Timer.Sample sample = Timer.start(meters);
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                stop(CommandOutcome.SUCCESS);
            }

            @Override
            public void reportFailure(Throwable cause) {
                stop(CommandOutcome.of(cause));
            }

            @Override
            public void reportIgnored() {
                stop(CommandOutcome.INVALID);
            }

            private void stop(CommandOutcome outcome) {
                sample.stop(Timer.builder(MetricNames.COMMANDS)
                        .description("Commands handled, by type and outcome")
                        .tag("command", command)
                        .tag("outcome", outcome.name())
                        .register(meters));
            }
        };
    }

    /** The class name without its package: command classes are unique within a service. */
    private static String simpleName(String commandName) {
        return commandName.substring(commandName.lastIndexOf('.') + 1);
    }
}
