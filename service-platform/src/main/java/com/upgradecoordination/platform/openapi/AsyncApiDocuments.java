package com.upgradecoordination.platform.openapi;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Kafka contracts next to the OpenAPI document, as shared-events ships them: the AsyncAPI
 * document at {@value #ASYNCAPI} and the JSON Schemas it references at {@code /v3/schemas/<type>/v<N>.json}
 * (relative to the document, as in the jar). Not part of the OpenAPI document itself.
 */
@Hidden
@RestController
public class AsyncApiDocuments {

    /** Public like the OpenAPI document (security.SecurityAutoConfiguration names both paths). */
    public static final String ASYNCAPI = "/v3/asyncapi.yaml";

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");
    private static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");
    /** A contract type (or "envelope") and a version file: nothing else of the class path is reachable. */
    private static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern VERSION_FILE = Pattern.compile("v[0-9]+\\.json");

    @GetMapping(ASYNCAPI)
    public ResponseEntity<Resource> asyncApi() {
        return ResponseEntity.ok().contentType(YAML).body(new ClassPathResource("asyncapi.yaml"));
    }

    @GetMapping("/v3/schemas/{type}/{versionFile}")
    public ResponseEntity<Resource> schema(@PathVariable String type, @PathVariable String versionFile) {
        if (!TYPE.matcher(type).matches() || !VERSION_FILE.matcher(versionFile).matches()) {
            return ResponseEntity.notFound().build();
        }
        Resource schema = new ClassPathResource("schemas/" + type + "/" + versionFile);
        return schema.exists() ? ResponseEntity.ok().contentType(SCHEMA_JSON).body(schema)
                : ResponseEntity.notFound().build();
    }
}
