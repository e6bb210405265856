package com.upgradecoordination.review.web;

import static org.awaitility.Awaitility.await;

import com.upgradecoordination.devsupport.TopicRecorder;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An envelope review-service published on a topic a test records, with its record key. */
record Published(String key, JsonNode envelope) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The first recorded envelope of {@code type} whose payload's {@code idField} is {@code id}. */
    static Optional<Published> find(TopicRecorder recorder, String type, String idField, String id) {
        return recorder.received().stream()
                .map(r -> new Published(r.key(), JSON.readTree(r.value())))
                .filter(p -> type.equals(p.envelope().get("type").asString())
                        && id.equals(p.envelope().get("payload").get(idField).asString()))
                .findFirst();
    }

    /** The first recorded envelope of {@code type} in {@code version} whose payload's {@code idField} is {@code id}. */
    static Optional<Published> find(TopicRecorder recorder, String type, int version, String idField, String id) {
        return recorder.received().stream()
                .map(r -> new Published(r.key(), JSON.readTree(r.value())))
                .filter(p -> type.equals(p.envelope().get("type").asString())
                        && p.envelope().get("schemaVersion").asInt() == version
                        && id.equals(p.envelope().get("payload").get(idField).asString()))
                .findFirst();
    }

    /** {@link #find}, waiting for it as long as a Kafka round trip may take. */
    static Published awaitFound(TopicRecorder recorder, String type, String idField, String id) {
        await().atMost(CoordinationServiceStandIn.KAFKA_WAIT).until(() -> find(recorder, type, idField, id).isPresent());
        return find(recorder, type, idField, id).orElseThrow();
    }

    /** {@link #find} of one version, waiting for it as long as a Kafka round trip may take. */
    static Published awaitFound(TopicRecorder recorder, String type, int version, String idField, String id) {
        await().atMost(CoordinationServiceStandIn.KAFKA_WAIT)
                .until(() -> find(recorder, type, version, idField, id).isPresent());
        return find(recorder, type, version, idField, id).orElseThrow();
    }
}
