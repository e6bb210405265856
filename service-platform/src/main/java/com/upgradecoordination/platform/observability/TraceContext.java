package com.upgradecoordination.platform.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;

/**
 * Carries a request's trace through the event store (decision D19). A command sent while a span is
 * current gets that span's W3C context in its metadata ({@link #TRACEPARENT}), its events inherit it
 * like the correlation id, and whoever handles a stored event later continues that trace from the
 * metadata (the Kafka relay puts it in each record's {@code traceparent} header). Without tracing,
 * the no-op tracer makes every method a pass-through.
 */
public class TraceContext {

    /** The metadata key of the W3C trace context, named like its header. */
    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContext(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span's context as metadata, empty when no span is current. */
    MetaData currentAsMetaData() {
        Span current = tracer.currentSpan();
        if (current == null) {
            return MetaData.emptyInstance();
        }
        Map<String, String> headers = new HashMap<>();
        propagator.inject(current.context(), headers, Map::put);
        String traceparent = headers.get(TRACEPARENT);
        return traceparent == null ? MetaData.emptyInstance() : MetaData.with(TRACEPARENT, traceparent);
    }
}
