package com.upgradecoordination.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
        JsonNode config = image(service).config().get("config");

        String user = config.get("User").asString();
        assertThat(user).matches("\\d+(:\\d+)?");
        assertThat(Integer.parseInt(user.split(":")[0])).as("user id").isPositive();

        List<String> entrypoint = config.get("Entrypoint").valueStream().map(JsonNode::asString).toList();
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).containsSubsequence(ServiceRequirements.containerJvmFlags())
                .contains("-XX:MaxRAMPercentage=40", "-XX:+ExitOnOutOfMemoryError");
        assertThat(config.get("ExposedPorts").propertyNames()).containsExactly(ServiceRequirements.port(service) + "/tcp");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void the_layers_hold_the_services_main_class_and_the_platform(String service) throws IOException {
        Image image = image(service);
        List<String> entrypoint = image.config().get("config").get("Entrypoint").valueStream().map(JsonNode::asString).toList();
        String mainClass = entrypoint.get(entrypoint.size() - 1);

        assertThat(image.files()).contains(
                "app/classes/" + mainClass.replace('.', '/') + ".class",
                "app/resources/" + service + ".yml",
                "app/libs/service-platform-" + ServiceRequirements.projectVersion() + ".jar",
                "app/jib-classpath-file");
        assertThat(image.files()).anyMatch(file -> file.matches("app/classes/com/upgradecoordination/.+\\.class"));
    }

    private record Image(JsonNode config, Set<String> files) {
    }

    private static final Map<String, Image> IMAGES = new HashMap<>();

    private static synchronized Image image(String service) throws IOException {
        assumeTrue(Boolean.getBoolean("images.built"), "the images are built and checked with -Pimages (README, CI)");
        if (!IMAGES.containsKey(service)) {
            IMAGES.put(service, read(ServiceRequirements.projectRoot().resolve(service).resolve("target/jib-image.tar")));
        }
        return IMAGES.get(service);
    }

    /** The manifest names the config file and the layers; each layer is a gzipped tar of files. */
    private static Image read(Path tarball) throws IOException {
        assertThat(tarball).exists();
        Map<String, byte[]> entries = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tarball)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(entry.getName(), tar.readAllBytes());
            }
        }
        JsonNode manifest = JsonMapper.shared().readTree(entries.get("manifest.json")).get(0);
        JsonNode config = JsonMapper.shared().readTree(entries.get(manifest.get("Config").asString()));
        Set<String> files = new HashSet<>();
        for (JsonNode layer : manifest.get("Layers")) {
            try (InputStream gzip = new GZIPInputStream(new java.io.ByteArrayInputStream(entries.get(layer.asString())));
                 TarArchiveInputStream layerTar = new TarArchiveInputStream(gzip)) {
                for (TarArchiveEntry entry = layerTar.getNextEntry(); entry != null; entry = layerTar.getNextEntry()) {
                    files.add(entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", ""));
                }
            }
        }
        return new Image(config, files);
    }
}
