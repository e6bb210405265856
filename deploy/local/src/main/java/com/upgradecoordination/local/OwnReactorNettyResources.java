package com.upgradecoordination.local;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Gives each service of a {@link LocalStack} Reactor Netty event loops and a connection pool of its
 * own, which its context disposes when it closes. By default every context of the JVM runs on
 * Reactor Netty's global resources and disposes them when it closes, so the first service to stop
 * took the event loops from under the others' servers, and disposing the global pool waited forever
 * for a connection whose event loop was already gone (a test JVM hung in
 * {@code ReactorResourceFactory.stop}; the HTTP clients of the tests keep the global resources).
 * Replaces Spring Boot's factory, which it defines only where none is.
 */
@Configuration(proxyBeanMethods = false)
class OwnReactorNettyResources {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        return resources;
    }
}
