package com.upgradecoordination.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.analytics.EnvelopeReader.Known;
import com.upgradecoordination.analytics.EnvelopeReader.NotAnEnvelope;
import com.upgradecoordination.analytics.EnvelopeReader.Reading;
import com.upgradecoordination.analytics.EnvelopeReader.UnknownContract;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeReaderTest {

    /** Every value of a field marked x-personal-data in the recorded topics (csm, reviewer, assignee, contactEmail, recipient, actor.principal). */
    private static final List<String> PERSONAL_VALUES = List.of("casey.csm", "sam.senior", "sue.engineer",
            "ops@org-eng-2.example", "casey.csm@gitlab.example");

    private final EnvelopeReader reader = new EnvelopeReader();

    @Test
    void noFieldMarkedPersonalDataIsKept() {
        List<Envelope> read = RecordedTopics.load().lines().stream().map(line -> reader.read(line.value()))
                .filter(Known.class::isInstance).map(reading -> ((Known) reading).envelope()).toList();

        assertThat(read).hasSize(108);
        String published = RecordedTopics.load().lines().toString();
        assertThat(published).contains(PERSONAL_VALUES);
        assertThat(read).allSatisfy(envelope -> assertThat(envelope.toString()).doesNotContain(PERSONAL_VALUES));
        Envelope opened = read.get(0);
        assertThat(opened.type()).isEqualTo("EngagementOpened");
        assertThat(opened.payload().propertyNames())
                .containsExactlyInAnyOrder("engagementId", "customerOrganisation", "reasons", "deploymentType");
    }

    @Test
    void aMarkedFieldInsideAnObjectOrAListIsDroppedToo() {
        Reading reading = reader.read("""
                {"eventId":"e-1","caseId":"c-1","type":"NestedExample","schemaVersion":1,"occurredAt":"2026-11-02T09:00:00Z",
                 "payload":{"caseId":"c-1","owner":{"email":"a@example.com","role":"CSM"},
                            "followers":[{"email":"b@example.com","role":"SUPPORT_ENGINEER"},{"role":"PROSERV"}]}}""");

        assertThat(((Known) reading).envelope().payload().toString()).isEqualTo("""
                {"caseId":"c-1","owner":{"role":"CSM"},"followers":[{"role":"SUPPORT_ENGINEER"},{"role":"PROSERV"}]}""");
    }

    @Test
    void aTypeOrVersionWithoutSchemaIsUnknownAndAValueWithoutEventIdIsNoEnvelope() {
        assertThat(reader.read("""
                {"eventId":"e-1","caseId":"c-1","type":"EngagementOpened","schemaVersion":7,"occurredAt":"2026-11-02T09:00:00Z","payload":{}}"""))
                .isEqualTo(new UnknownContract("EngagementOpened", 7));
        assertThat(reader.read("""
                {"caseId":"c-1","type":"EngagementOpened","schemaVersion":1,"occurredAt":"2026-11-02T09:00:00Z","payload":{}}"""))
                .isInstanceOf(NotAnEnvelope.class);
        assertThat(reader.read("[1, 2]")).isInstanceOf(NotAnEnvelope.class);
    }
}
