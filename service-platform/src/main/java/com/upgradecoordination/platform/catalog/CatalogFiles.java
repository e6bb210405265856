package com.upgradecoordination.platform.catalog;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.Resource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a catalog the services ship as versioned data (reference architectures, upgrade stops)
 * strictly: an unknown field or a missing number is a mistake in the data, refused at start-up
 * rather than read as a default.
 */
public final class CatalogFiles {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private CatalogFiles() {
    }

    public static <T> T read(Resource file, Class<T> type) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return STRICT.readValue(in, type);
        }
    }
}
