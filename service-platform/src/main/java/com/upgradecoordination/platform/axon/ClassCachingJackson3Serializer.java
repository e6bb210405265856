package com.upgradecoordination.platform.axon;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;

/**
 * Axon's Jackson 3 serializer, remembering the classes it has found by name. Axon looks a stored
 * event's payload class up by name two or three times per event, and each lookup is a
 * {@code Class.forName} (Jackson's type factory keeps no cache): 4-8% of replaying an aggregate
 * (issue 13). A name found once keeps its class; one not found is left to Axon, which remembers it
 * as unknown.
 */
public class ClassCachingJackson3Serializer extends Jackson3Serializer {

    private final Map<String, Class<?>> foundClasses = new ConcurrentHashMap<>();

    public ClassCachingJackson3Serializer(Jackson3Serializer.Builder builder) {
        super(builder);
    }

    @Override
    public Class<?> classForType(SerializedType type) {
        String name = resolveClassName(type);
        Class<?> found = foundClasses.get(name);
        if (found != null) {
            return found;
        }
        found = super.classForType(type);
        // Void stands for the empty type, not for a class of that name
        if (found != UnknownSerializedType.class && found != Void.class) {
            foundClasses.put(name, found);
        }
        return found;
    }
}
