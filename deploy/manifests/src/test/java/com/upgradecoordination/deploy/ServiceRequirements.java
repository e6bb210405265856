package com.upgradecoordination.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * What a deployment of the services must give them, read from where the project already says it, so
 * that the deployment files cannot drift from it: the README's "Configuration (production)" table
 * (the environment), each service's own configuration file (its port), service-platform's (the
 * health groups), docs/operations.md (JVM flags and memory limit) and docs/kafka-contracts.md (topics).
 */
final class ServiceRequirements {

    static final List<String> SERVICES = List.of("coordination-service", "review-service", "notification-service");
    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";

    private static final Pattern PLACEHOLDER_DEFAULT = Pattern.compile("\\$\\{[A-Z_]+:(\\d+)}");

    private ServiceRequirements() {
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("project.root", "../..")).toAbsolutePath().normalize();
    }

    static String projectVersion() {
        return System.getProperty("project.version");
    }

    static String read(String relativePath) {
        try {
            return Files.readString(projectRoot().resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The variables a service in a container must be given: the README table's rows that say
     * "required", or whose default is this machine's loopback address (right for a developer's
     * machine, never in a container). Rows naming one service (the catalog files) are optional.
     */
    static Set<String> requiredEnvironment() {
        Set<String> required = new LinkedHashSet<>();
        for (String row : tableRows(section(read("README.md"), "## Configuration (production)"))) {
            String[] cells = row.split("(?<!\\\\)\\|");
            String variables = cells[1];
            boolean mustBeSet = cells[2].contains("required") || cells[3].contains("127.0.0.1");
            if (!mustBeSet) {
                continue;
            }
            Matcher name = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(variables);
            while (name.find()) {
                required.add(name.group(1));
            }
        }
        return required;
    }

    /** The service's HTTP port: the default of {@code server.port} in its own configuration file. */
    static int port(String service) {
        Object port = ((Map<?, ?>) serviceConfiguration(service).get("server")).get("port");
        Matcher matcher = PLACEHOLDER_DEFAULT.matcher(String.valueOf(port));
        if (!matcher.matches()) {
            throw new IllegalStateException(service + ": server.port is not ${PORT:<default>}: " + port);
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** Whether every service serves the liveness and readiness groups (service-platform's configuration). */
    static boolean healthProbesEnabled() {
        Map<?, ?> management = (Map<?, ?>) classpathYaml("service-platform.yml").get("management");
        Map<?, ?> health = (Map<?, ?>) ((Map<?, ?>) management.get("endpoint")).get("health");
        return Boolean.TRUE.equals(((Map<?, ?>) health.get("probes")).get("enabled"));
    }

    /** The flags of docs/operations.md "JVM flags for containers". */
    static List<String> containerJvmFlags() {
        String section = section(read("docs/operations.md"), "### JVM flags for containers");
        String block = section.substring(section.indexOf("```") + 3);
        block = block.substring(0, block.indexOf("```"));
        return List.of(block.trim().split("\\s+"));
    }

    /** The memory limit docs/operations.md gives a service, as Kubernetes writes it ("384Mi"). */
    static String memoryLimit() {
        Matcher limit = Pattern.compile("memory limit of (\\d+) MiB").matcher(read("docs/operations.md"));
        if (!limit.find()) {
            throw new IllegalStateException("docs/operations.md names no memory limit");
        }
        return limit.group(1) + "Mi";
    }

    /** The topic retention docs/operations.md gives, in milliseconds as Kafka's retention.ms takes it. */
    static long topicRetentionMs() {
        Matcher retention = Pattern.compile("topic retention of (\\d+) days: `retention.ms=(\\d+)`")
                .matcher(read("docs/operations.md").replaceAll("\\s+", " "));
        if (!retention.find()) {
            throw new IllegalStateException("docs/operations.md names no topic retention");
        }
        long millis = java.time.Duration.ofDays(Long.parseLong(retention.group(1))).toMillis();
        if (millis != Long.parseLong(retention.group(2))) {
            throw new IllegalStateException("docs/operations.md: the retention in days and in retention.ms differ");
        }
        return millis;
    }

    /** The topics of docs/kafka-contracts.md's topic table. */
    static Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        for (String row : tableRows(section(read("docs/kafka-contracts.md"), "## Topics"))) {
            Matcher topic = Pattern.compile("^\\| `([a-z.]+)`").matcher(row);
            if (topic.find()) {
                topics.add(topic.group(1));
            }
        }
        return topics;
    }

    private static Map<?, ?> serviceConfiguration(String service) {
        return classpathYaml(service + ".yml");
    }

    private static Map<?, ?> classpathYaml(String resource) {
        try (InputStream in = ServiceRequirements.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        if (start < 0) {
            throw new IllegalStateException("no section " + heading);
        }
        String rest = markdown.substring(start + heading.length() + 2);
        Matcher next = Pattern.compile("\n#{1," + heading.indexOf(' ') + "} ").matcher(rest);
        return next.find() ? rest.substring(0, next.start()) : rest;
    }

    private static List<String> tableRows(String section) {
        List<String> rows = new ArrayList<>();
        for (String line : section.split("\n")) {
            if (line.startsWith("|") && !line.startsWith("|---") && !line.startsWith("| variable")
                    && !line.startsWith("| topic")) {
                rows.add(line);
            }
        }
        return rows;
    }
}
