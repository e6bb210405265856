package com.upgradecoordination.platform.openapi;

import com.upgradecoordination.platform.security.AccessPolicy;
import com.upgradecoordination.platform.web.IfMatch;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document every service serves at {@code /v3/api-docs} (Swagger UI at
 * {@code /swagger-ui.html}). springdoc derives paths and bodies from the controllers; the platform
 * adds what every service shares, without annotations on the controllers: the service's name and
 * version, the bearer-JWT security scheme, the problem+json error responses with examples, the
 * {@code Idempotency-Key} / {@code If-Match} request headers of commands and the {@code ETag} of
 * single-resource reads (see {@link PlatformOpenApiCustomizer}).
 *
 * <p>Settings: {@code platform.openapi.version} (default: the platform's project version without
 * {@code -SNAPSHOT}, else {@value #FALLBACK_VERSION}) and {@code platform.openapi.description}.
 * The committed copies of the documents live in {@code docs/openapi/}; each service's
 * {@code OpenApiContractIT} fails the build when they and the served document disagree.
 */
@AutoConfiguration(beforeName = "org.springdoc.core.configuration.SpringDocConfiguration")
@ConditionalOnClass({OpenAPI.class, GlobalOpenApiCustomizer.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class OpenApiAutoConfiguration {

    static final String FALLBACK_VERSION = "0.1.0";

    static {
        // swagger-core knows Jackson 2's JsonNode but not Jackson 3's: it would describe the node's
        // Java getters (isArray, isNull ...) instead of "any JSON".
        Schema<Object> anyJson = new Schema<>();
        anyJson.setDescription("Free-form JSON");
        SpringDocUtils.getConfig()
                .replaceWithSchema(JsonNode.class, anyJson)
                .replaceWithSchema(ObjectNode.class, anyJson)
                // a header, declared by IfMatchOperationCustomizer, not a query object
                .addRequestWrapperToIgnore(IfMatch.class);
    }

    @Bean
    @ConditionalOnMissingBean
    public OpenAPI serviceOpenApi(Environment environment) {
        String name = environment.getProperty("spring.application.name", "service");
        String description = environment.getProperty("platform.openapi.description",
                "HTTP API of " + name + ", one of the services of the upgrade coordination backend.\n\n"
                        + "Every call needs a bearer JWT (`Authorization: Bearer <JWT>`); the token's `roles` "
                        + "claim decides what the caller may do. Failures are RFC 9457 `application/problem+json` "
                        + "with a stable `type`; a refusal by a business rule names the rule in `rule`, invalid "
                        + "input lists every invalid field in `errors`. Commands (POST, PUT) accept an "
                        + "`Idempotency-Key` so that a retry returns the first result, and an `If-Match` with the "
                        + "`ETag` of the resource so that a command based on a stale read is refused with 409. "
                        + "Every response carries `X-Request-Id` and `X-Correlation-Id`.");
        return new OpenAPI().info(new Info()
                .title(name)
                .version(environment.getProperty("platform.openapi.version", projectVersion()))
                .description(description));
    }

    @Bean
    public AsyncApiDocuments asyncApiDocuments() {
        return new AsyncApiDocuments();
    }

    @Bean
    public GlobalOperationCustomizer ifMatchOperationCustomizer() {
        return new IfMatchOperationCustomizer();
    }

    @Bean
    public PlatformOpenApiCustomizer platformOpenApiCustomizer(ObjectProvider<AccessPolicy> accessPolicy) {
        return new PlatformOpenApiCustomizer(accessPolicy.getIfAvailable());
    }

    /**
     * The project version from the platform jar's manifest, without {@code -SNAPSHOT} so that the
     * document does not change between snapshot builds; {@value #FALLBACK_VERSION} when the
     * platform runs from a classes directory (an IDE).
     */
    static String projectVersion() {
        String version = OpenApiAutoConfiguration.class.getPackage().getImplementationVersion();
        if (version == null || version.isBlank()) {
            return FALLBACK_VERSION;
        }
        return version.endsWith("-SNAPSHOT") ? version.substring(0, version.length() - "-SNAPSHOT".length())
                : version;
    }
}
