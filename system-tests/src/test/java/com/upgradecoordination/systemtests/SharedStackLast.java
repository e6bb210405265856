package com.upgradecoordination.systemtests;

import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs the classes on the {@link SharedRunningStack} after all others, keeping the others' order, so
 * that the JVM runs one stack at a time: each class with a stack of its own (LocalRunIT,
 * BrokerOutageIT) closes it before the shared one starts, and that one runs until the JVM's end.
 */
public final class SharedStackLast implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(descriptor ->
                AnnotationSupport.findRepeatableAnnotations(descriptor.getTestClass(), ExtendWith.class).stream()
                        .anyMatch(extension -> Arrays.asList(extension.value()).contains(SharedRunningStack.class))));
    }
}
