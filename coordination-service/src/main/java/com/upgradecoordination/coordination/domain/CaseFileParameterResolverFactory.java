package com.upgradecoordination.coordination.domain;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.Scope;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregate;

/**
 * Gives a member's command handler the engagement's one {@link CaseFile}: a parameter of that type
 * is the case file of the aggregate handling the command, read at that moment (decision D17). So a
 * member holds no copy of the case, which every event would otherwise update and every snapshot
 * carry again. Axon finds this factory on the classpath (META-INF/services), in the service, its
 * fixtures and replays alike.
 */
public final class CaseFileParameterResolverFactory implements ParameterResolverFactory {

    private static final ParameterResolver<CaseFile> CASE_FILE = new ParameterResolver<>() {
        @Override
        public CaseFile resolveParameterValue(Message<?> message) {
            if (Scope.getCurrentScope() instanceof AnnotatedAggregate<?> aggregate
                    && aggregate.getAggregateRoot() instanceof CaseFile caseFile) {
                return caseFile;
            }
            throw new IllegalStateException("A case file is given to commands handled within an engagement only");
        }

        @Override
        public boolean matches(Message<?> message) {
            return message instanceof CommandMessage;
        }
    };

    @Override
    public ParameterResolver<?> createInstance(Executable executable, Parameter[] parameters, int parameterIndex) {
        return parameters[parameterIndex].getType() == CaseFile.class ? CASE_FILE : null;
    }
}
