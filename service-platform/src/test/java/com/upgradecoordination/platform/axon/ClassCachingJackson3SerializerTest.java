package com.upgradecoordination.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

class ClassCachingJackson3SerializerTest {

    record SampleEvent(String caseId, int users) {
    }

    private final Jackson3Serializer axons = Jackson3Serializer.builder().build();
    private final ClassCachingJackson3Serializer caching =
            new ClassCachingJackson3Serializer(Jackson3Serializer.builder());

    @Test
    void findsTheClassesAxonFinds() {
        SerializedType[] types = {axons.typeForClass(SampleEvent.class), new SimpleSerializedType("java.lang.String", "2"),
                new SimpleSerializedType("com.example.NoSuchEvent", null), SimpleSerializedType.emptyType()};
        for (int lookup = 0; lookup < 2; lookup++) {
            for (SerializedType type : types) {
                assertThat(caching.classForType(type)).as(type.toString()).isEqualTo(axons.classForType(type));
            }
        }
        assertThat(caching.classForType(types[2])).isEqualTo(UnknownSerializedType.class);
        assertThat(caching.classForType(types[3])).isEqualTo(Void.class);
    }

    @Test
    void readsBackWhatItWrites() {
        SerializedObject<byte[]> stored = caching.serialize(new SampleEvent("c-1", 6000), byte[].class);

        for (int read = 0; read < 2; read++) {
            assertThat((Object) caching.deserialize(stored)).isEqualTo(new SampleEvent("c-1", 6000));
        }
    }
}
