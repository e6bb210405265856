package com.upgradecoordination.platform.observability;

import com.upgradecoordination.platform.axon.AuditMetadata;
import java.util.function.Supplier;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

/**
 * Puts the correlation id of the message being handled (a command, a stored event, a deadline) into
 * the logging context as {@value #MDC_KEY}, so every line logged while handling it names the
 * original request, as the trace id does (see the log pattern in service-platform.yml).
 *
 * <p>A replayed event (a read model's rebuild) is handled without it: that work is the rebuild's,
 * not the original request's, whose logs it would join long after. Leaving it out also leaves the
 * event's stored metadata unread unless a handler asks for it; reading it (a JSON map and the actor's
 * decryption) for every event was a seventh of a rebuild's thread (docs/performance.md).
 */
public class CorrelationIdLogging<T extends Message<?>> implements MessageHandlerInterceptor<T> {

    /** The logging-context key; the structured (JSON) logs show it as a field of that name. */
    public static final String MDC_KEY = AuditMetadata.CORRELATION_ID;

    @Override
    public Object handle(UnitOfWork<? extends T> unitOfWork, InterceptorChain interceptorChain) throws Exception {
        if (ReplayToken.isReplay(unitOfWork.getMessage())) {
            return interceptorChain.proceed();
        }
        Object correlationId = unitOfWork.getMessage().getMetaData().get(AuditMetadata.CORRELATION_ID);
        if (correlationId == null) {
            return interceptorChain.proceed();
        }
        String outer = put(correlationId.toString());
        try {
            return interceptorChain.proceed();
        } finally {
            restore(outer);
        }
    }

    /** Runs {@code work} with {@code correlationId} in the logging context, then restores what was there. */
    public static <R> R with(String correlationId, Supplier<R> work) {
        String outer = put(correlationId);
        try {
            return work.get();
        } finally {
            restore(outer);
        }
    }

    private static String put(String correlationId) {
        String outer = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, correlationId);
        return outer;
    }

    private static void restore(String outer) {
        if (outer == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, outer);
        }
    }
}
