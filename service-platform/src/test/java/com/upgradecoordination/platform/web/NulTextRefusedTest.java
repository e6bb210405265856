package com.upgradecoordination.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

class NulTextRefusedTest {

    record Body(String name, List<String> tags, Map<String, Boolean> flags, JsonNode results) {
    }

    private final JsonMapper strict = JsonMapper.builder().addModule(new NulTextRefused()).build();

    @Test
    void textWithoutNulReadsAsBefore() {
        Body body = strict.readValue("""
                {"name":"Acme \\u00e4","tags":["a",7],"flags":{"k":true},"results":{"x":["y",1,null]}}""", Body.class);
        assertThat(body.name()).isEqualTo("Acme ä");
        assertThat(body.tags()).containsExactly("a", "7");
        assertThat(body.flags()).containsEntry("k", true);
        assertThat(body.results().get("x").get(0).asString()).isEqualTo("y");
        Body nulls = strict.readValue("{\"name\":null,\"results\":null}", Body.class);
        assertThat(nulls.name()).isNull();
        assertThat(nulls.results()).isEqualTo(JsonMapper.builder().build().readValue("{\"results\":null}", Body.class)
                .results());
        assertThat(strict.readValue("{}", Body.class).results()).isNull();
    }

    @Test
    void nulAnywhereInTheTextIsRefusedNamingTheField() {
        for (String json : List.of("{\"name\":\"nul\\u0000inside\"}", "{\"tags\":[\"ok\",\"\\u0000\"]}",
                "{\"flags\":{\"\\u0000\":true}}", "{\"results\":{\"a\":[{\"b\":\"\\u0000\"}]}}",
                "{\"results\":{\"\\u0000\":1}}")) {
            assertThatThrownBy(() -> strict.readValue(json, Body.class))
                    .as(json)
                    .isInstanceOf(NulTextRefused.NulInText.class)
                    .satisfies(failure -> assertThat(((MismatchedInputException) failure).getPath()).isNotEmpty());
        }
    }
}
