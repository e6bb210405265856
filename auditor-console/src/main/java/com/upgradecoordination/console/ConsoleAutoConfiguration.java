package com.upgradecoordination.console;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the console: its built files come from this jar ({@code META-INF/resources/console/}, which
 * Spring's static resource handling serves as {@code /console/**}); this adds the page itself at
 * {@code /console/} and its configuration at {@code /console/config.json}. The page only reads the
 * services' existing {@code /audit/...} endpoints with the signed-in user's token.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleAutoConfiguration {

    static final String PAGE = "META-INF/resources/console/index.html";

    @Bean
    public RouterFunction<ServerResponse> consoleRoutes(ConsoleProperties properties,
                                                        @Value("${spring.application.name:}") String serviceName,
                                                        @Value("${platform.security.roles-claim:roles}") String rolesClaim) {
        ClassPathResource page = new ClassPathResource(PAGE);
        Map<String, Object> config = config(properties, serviceName, rolesClaim);
        return RouterFunctions.route(GET("/console"),
                        request -> ServerResponse.permanentRedirect(URI.create("/console/")).build())
                .andRoute(GET("/console/"), request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).bodyValue(page))
                .andRoute(GET("/console/config.json"), request -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noCache())
                        .bodyValue(config));
    }

    /** What the page reads as config.json: the serving service first, on the page's own origin, then the configured ones. */
    static Map<String, Object> config(ConsoleProperties properties, String serviceName, String rolesClaim) {
        Map<String, String> services = new LinkedHashMap<>();
        if (!serviceName.isBlank()) {
            services.put(serviceName, "");
        }
        properties.serviceUrls().forEach((name, url) -> services.putIfAbsent(name, stripTrailingSlash(url)));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("services", services);
        ConsoleProperties.Oidc oidc = properties.oidc();
        if (oidc.issuer() != null && !oidc.issuer().isBlank() && oidc.clientId() != null) {
            config.put("oidc", Map.of("issuer", stripTrailingSlash(oidc.issuer()), "clientId", oidc.clientId(),
                    "scope", oidc.scope() == null || oidc.scope().isBlank() ? "openid" : oidc.scope()));
        }
        config.put("pastedTokenSignIn", properties.pastedTokenSignIn());
        // the claim the services read roles from (SecurityAutoConfiguration), so the page agrees with them
        config.put("rolesClaim", rolesClaim);
        return config;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
