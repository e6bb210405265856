package com.upgradecoordination.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

/**
 * Opens each service's image tarball (jib:buildTar, docker-save layout) and checks what a container
 * runtime would read: the user, the entrypoint with the documented JVM flags, the port, and that
 * the layers hold the service's classes. Runs when the build made the images (-Pimages).
 */
class ImageTarballTest {

    private static final List<String> SERVICES = ServiceRequirements.SERVICES;

    @ParameterizedTest
    @FieldSource("SERVICES")
    void the_image_runs_the_service_as_a_user_that_is_not_root_with_the_documented_flags(String service) throws IOException {
        JsonNode config = image(service).containerConfig();

        String user = config.get("User").asString();
        assertThat(user).matches("\\d+(:\\d+)?");
        assertThat(Integer.parseInt(user.split(":")[0])).as("user id").isPositive();

        List<String> entrypoint = config.get("Entrypoint").valueStream().map(JsonNode::asString).toList();
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).containsSubsequence(ServiceRequirements.containerJvmFlags())
                .contains("-XX:MaxRAMPercentage=33", "-XX:+ExitOnOutOfMemoryError");
        assertThat(config.get("ExposedPorts").propertyNames()).containsExactly(ServiceRequirements.port(service) + "/tcp");
        assertThat(config.get("Env").valueStream().map(JsonNode::asString))
                .as("production logs as JSON lines").contains("LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void the_layers_hold_the_services_main_class_and_the_platform(String service) throws IOException {
        ImageTarball image = image(service);
        List<String> entrypoint = image.entrypoint();
        String mainClass = entrypoint.get(entrypoint.size() - 1);

        Set<String> files = image.files();
        assertThat(files).contains(
                "app/classes/" + mainClass.replace('.', '/') + ".class",
                "app/resources/" + service + ".yml",
                "app/libs/service-platform-" + ServiceRequirements.projectVersion() + ".jar",
                "app/jib-classpath-file");
        assertThat(files).anyMatch(file -> file.matches("app/classes/com/upgradecoordination/.+\\.class"));
    }

    private static final Map<String, ImageTarball> IMAGES = new HashMap<>();

    private static synchronized ImageTarball image(String service) throws IOException {
        assumeTrue(Boolean.getBoolean("images.built"), "the images are built and checked with -Pimages (README, CI)");
        if (!IMAGES.containsKey(service)) {
            Path tarball = ServiceRequirements.projectRoot().resolve(service).resolve("target/jib-image.tar");
            assertThat(tarball).exists();
            IMAGES.put(service, ImageTarball.read(tarball));
        }
        return IMAGES.get(service);
    }
}
