package com.upgradecoordination.platform.web;

import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are read strictly: a field the endpoint does not know is refused (a typo must
 * not silently drop a value an auditor would expect to find), as is an unknown enum value.
 * Kafka consumers, by contrast, ignore unknown fields (SPEC K2); they use the default mapper.
 * Text holding U+0000 is refused too ({@link NulTextRefused}).
 * Runs after Boot's own codec customizers, so its size limit still applies.
 */
public class StrictJsonRequests implements CodecCustomizer, Ordered {

    private final JsonMapper strict;

    public StrictJsonRequests(JsonMapper jsonMapper) {
        this.strict = jsonMapper.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .addModule(new NulTextRefused())
                .build();
    }

    @Override
    public void customize(org.springframework.http.codec.CodecConfigurer configurer) {
        configurer.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(strict));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
