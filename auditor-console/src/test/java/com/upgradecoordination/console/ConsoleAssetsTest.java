package com.upgradecoordination.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The jar serves the console's built files checked in under {@link #CHECKED_IN}, so building it needs
 * no Node.js. This test holds them to the web sources: Maven's npm-build execution builds the sources
 * into {@link #BUILT} before the tests, and the test fails when the two differ (or a file is missing or
 * left over). On request it copies the build over the checked-in files.
 */
class ConsoleAssetsTest {

    static final Path CHECKED_IN = Path.of("src/main/resources/META-INF/resources/console");
    /** The pom's console.build.dir, where its npm-build execution has Vite write. */
    static final Path BUILT = Path.of("target/console-build");
    /** What the jar of this same run packs: refreshed too, so it does not wait for the next build. */
    static final Path PACKED = Path.of("target/classes/META-INF/resources/console");
    static final String REFRESH = "./mvnw -B -ntp -pl auditor-console verify -Dconsole.assets.write=true";

    @Test
    void theCheckedInAssetsAreTheOnesTheWebSourcesBuild() throws IOException {
        assertThat(BUILT).as("No Vite build in %s: run the test through Maven (%s)", BUILT, REFRESH)
                .isDirectory();
        Map<Path, byte[]> built = files(BUILT);
        if (Boolean.getBoolean("console.assets.write")) {
            replace(CHECKED_IN, built);
            replace(PACKED, built);
        }

        Map<Path, byte[]> checkedIn = files(CHECKED_IN);
        List<String> stale = new ArrayList<>();
        built.forEach((path, content) -> {
            if (!checkedIn.containsKey(path)) {
                stale.add(path + " is missing");
            } else if (!Arrays.equals(checkedIn.get(path), content)) {
                stale.add(path + " differs from the build");
            }
        });
        checkedIn.keySet().stream().filter(path -> !built.containsKey(path))
                .forEach(path -> stale.add(path + " is no longer built"));
        assertThat(stale).as("""
                The console's built files under auditor-console/%s are not what its web sources build.
                Refresh them with
                  %s
                and commit them with the change to src/main/web.""", CHECKED_IN, REFRESH).isEmpty();
    }

    @Test
    void thePageIsOnTheClasspathWhereTheRoutesServeItFrom() {
        assertThat(new ClassPathResource(ConsoleAutoConfiguration.PAGE).exists()).isTrue();
    }

    private static Map<Path, byte[]> files(Path root) {
        Map<Path, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void replace(Path root, Map<Path, byte[]> files) throws IOException {
        for (Path old : files(root).keySet()) {
            Files.delete(root.resolve(old));
        }
        for (Map.Entry<Path, byte[]> file : files.entrySet()) {
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }
}
