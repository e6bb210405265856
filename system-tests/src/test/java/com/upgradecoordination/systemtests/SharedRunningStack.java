package com.upgradecoordination.systemtests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the test classes that extend with it one {@link RunningStack}, started when the first asks
 * for it and closed when the test JVM's last test has run (JUnit closes an {@link AutoCloseable}
 * kept in the root context's store). Starting a stack per class cost each class seconds; the classes
 * that share it make no assumption about what the others stored: they check their own cases, or
 * figures relative to what was there when they began. A class that stops the broker, needs another
 * topology or leaves the stack in a state no other class should meet (BadInputStays4xxIT's accepted
 * garbage: tickets of engagements that never open, which notification-service holds back for its
 * case-wait) starts a stack of its own; {@link SharedStackLast} runs those first.
 */
final class SharedRunningStack implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedRunningStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningStack.class;
    }

    @Override
    public RunningStack resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(RunningStack.class, key -> RunningStack.start(), RunningStack.class);
    }
}
