package com.upgradecoordination.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.upgradecoordination.devsupport.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Runs coordination-service's image as a container runtime would, without one: its filesystem
 * unpacked, the entrypoint started in a chroot of it as the image's user, with its environment plus
 * a database. It must report ready. The three images share base, layout and flags (ImageTarballTest
 * checks each), so one run stands for them; it proves the base runs the JVM and the layers hold a
 * service that starts. Needs root (chroot, /proc); CI runs as root.
 */
class ImageRunsIT {

    private static final String SERVICE = "coordination-service";

    @Test
    void the_image_starts_as_its_own_user_from_its_own_filesystem_and_reports_ready() throws Exception {
        assumeTrue(Boolean.getBoolean("images.built"), "the images are built and run with -Pimages (README, CI)");
        assumeTrue("root".equals(System.getProperty("user.name")), "running an image in a chroot needs root (CI runs as root)");

        ImageTarball image = ImageTarball.read(ServiceRequirements.projectRoot().resolve(SERVICE).resolve("target/jib-image.tar"));
        Path root = Path.of("target/image-root").toAbsolutePath();
        deleteRecursively(root);
        image.unpack(root);
        Files.createDirectories(root.resolve("proc"));
        run("mount", "-t", "proc", "proc", root.resolve("proc").toString());
        Process service = null;
        try {
            int port = freePort();
            TestPostgres.Database database = TestPostgres.freshDatabase("image");
            List<String> command = new ArrayList<>(List.of("chroot", "--userspec=" + image.containerConfig().get("User").asString(), root.toString()));
            command.addAll(image.entrypoint());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target/image-run.log").toFile());
            Map<String, String> environment = builder.environment();
            environment.clear();
            for (JsonNode variable : image.containerConfig().get("Env")) {
                String[] nameAndValue = variable.asString().split("=", 2);
                environment.put(nameAndValue[0], nameAndValue[1]);
            }
            environment.put("PORT", String.valueOf(port));
            environment.put("DATABASE_URL", database.url());
            environment.put("DATABASE_USER", database.username());
            environment.put("DATABASE_PASSWORD", database.password());
            // No broker: readiness does not wait for Kafka (the relay retries), and nothing here is published.
            environment.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + freePort());
            environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI", "http://127.0.0.1:" + freePort() + "/jwks");
            assertThat(environment.keySet()).containsAll(ServiceRequirements.requiredEnvironment().stream()
                    .filter(name -> !name.endsWith("_ISSUERURI")).toList());
            service = builder.start();

            HttpClient http = HttpClient.newHttpClient();
            HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + ServiceRequirements.READINESS)).build();
            Process running = service;
            await("readiness of the image's service (log: deploy/manifests/target/image-run.log)")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .failFast("the service stopped", () -> !running.isAlive())
                    .until(() -> http.send(readiness, HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\""));
        } finally {
            if (service != null) {
                service.destroy();
                service.waitFor();
            }
            run("umount", root.resolve("proc").toString());
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
