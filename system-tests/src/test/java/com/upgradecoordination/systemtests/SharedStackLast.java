package com.upgradecoordination.systemtests;

import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs the classes on the {@link SharedRunningStack} after all others, keeping the others' order.
 * A Spring context that closes in this JVM disposes Reactor Netty's global event loops, which every
 * in-JVM service's server runs on: once a class closed a stack of its own (LocalRunIT, BrokerOutageIT),
 * a shared stack started before it would refuse connections.
 */
public final class SharedStackLast implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(descriptor ->
                AnnotationSupport.findRepeatableAnnotations(descriptor.getTestClass(), ExtendWith.class).stream()
                        .anyMatch(extension -> Arrays.asList(extension.value()).contains(SharedRunningStack.class))));
    }
}
