package com.upgradecoordination.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recorded topics the tests feed: {@code recorded-topics.jsonl}, one record a line (topic, key, value)
 * in the order it was recorded. A value is the envelope's JSON, or a string for a value that is not one.
 *
 * <p>What is in it, and why: eight engagements of sizes 10k, 5k, 3k, 2k and one not sized yet, in every
 * step the figures show; three Support reviews answered in 4, 26 and 50 hours and one still waiting, each
 * verdict as version 2 followed by the deprecated version 1 with the same event id; one verdict published
 * first in a version 3 this consumer does not know, and recorded before its request (another topic);
 * three tickets held 30, 96 and 50 hours, one of them on hold again; notifications on INBOX, EMAIL,
 * WEBHOOK and a channel this consumer does not know (SLACK), two of them failed; a redelivered verdict and
 * a redelivered failure; an event type it does not know (EngagementPaused); unknown fields on an envelope
 * and a payload; a value that is not an envelope. Personal data as the producers publish it.
 */
record RecordedTopics(List<Line> lines) {

    static final String RESOURCE = "recorded-topics.jsonl";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    record Line(String topic, String key, String value) {
    }

    static RecordedTopics load() {
        try (InputStream in = RecordedTopics.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new RecordedTopics(text.lines().filter(line -> !line.isBlank()).map(RecordedTopics::line).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Line line(String text) {
        JsonNode line = JSON.readTree(text);
        JsonNode value = line.get("value");
        return new Line(line.get("topic").asString(), line.get("key").asString(),
                value.isString() ? value.asString() : JSON.writeValueAsString(value));
    }
}
