package com.upgradecoordination.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders every overlay of deploy/k8s with {@code kubectl kustomize} (as a cluster would receive it)
 * and checks the objects against the services' configuration. CI installs kubectl (.ci/run); a
 * machine without it skips these tests and says so.
 */
@SuppressWarnings("unchecked")
class KubernetesManifestsTest {

    private static final Path OVERLAYS = ServiceRequirements.projectRoot().resolve("deploy/k8s/overlays");

    static Stream<Path> overlays() throws IOException {
        try (Stream<Path> overlays = Files.list(OVERLAYS)) {
            return overlays.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    static Stream<Object[]> overlaysAndServices() throws IOException {
        return overlays().flatMap(overlay -> ServiceRequirements.SERVICES.stream()
                .map(service -> new Object[] {overlay.getFileName().toString(), service}));
    }

    @Test
    void there_is_a_production_overlay() throws IOException {
        assertThat(overlays().map(overlay -> overlay.getFileName().toString())).contains("production");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void each_service_runs_two_replicas_of_its_image_on_its_port_with_the_health_groups_as_probes(
            String overlay, String service) {
        Map<String, Object> deployment = object(render(overlay), "Deployment", service);
        Map<String, Object> container = container(deployment);
        int port = ServiceRequirements.port(service);

        assertThat(path(deployment, "spec", "replicas")).isEqualTo(2);
        assertThat((String) container.get("image")).matches("(.+/)?upgrade-coordination/" + service + ":"
                + ServiceRequirements.projectVersion().replace(".", "\\."));
        assertThat((List<Object>) container.get("ports")).containsExactly(Map.of("name", "http", "containerPort", port));
        assertThat(ServiceRequirements.healthProbesEnabled()).isTrue();
        assertThat(path(container, "livenessProbe", "httpGet")).isEqualTo(Map.of("path", ServiceRequirements.LIVENESS, "port", "http"));
        assertThat(path(container, "startupProbe", "httpGet")).isEqualTo(Map.of("path", ServiceRequirements.LIVENESS, "port", "http"));
        assertThat(path(container, "readinessProbe", "httpGet")).isEqualTo(Map.of("path", ServiceRequirements.READINESS, "port", "http"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void each_service_gets_every_variable_it_requires_with_the_secrets_from_secrets(String overlay, String service) {
        List<Map<String, Object>> objects = render(overlay);
        Map<String, Map<String, Object>> environment = new java.util.HashMap<>();
        for (Object variable : (List<Object>) container(object(objects, "Deployment", service)).get("env")) {
            environment.put((String) ((Map<String, Object>) variable).get("name"), (Map<String, Object>) variable);
        }
        assertThat(environment).containsKeys(ServiceRequirements.requiredEnvironment().toArray(String[]::new));
        assertThat(environment.get("PORT").get("value")).isEqualTo(String.valueOf(ServiceRequirements.port(service)));
        for (String secret : List.of("DATABASE_USER", "DATABASE_PASSWORD")) {
            assertThat(path(environment.get(secret), "valueFrom", "secretKeyRef")).as(secret).isNotNull();
        }
        for (String configured : List.of("DATABASE_URL", "KAFKA_BOOTSTRAP_SERVERS", "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI")) {
            Map<String, Object> reference = (Map<String, Object>) path(environment.get(configured), "valueFrom", "configMapKeyRef");
            Map<String, Object> configMap = object(objects, "ConfigMap", (String) reference.get("name"));
            assertThat(path(configMap, "data", (String) reference.get("key"))).as(configured).isNotNull();
        }
        String database = service.replace("-service", "");
        Map<String, Object> databaseUrl = (Map<String, Object>) path(environment.get("DATABASE_URL"), "valueFrom", "configMapKeyRef");
        assertThat((String) path(object(objects, "ConfigMap", (String) databaseUrl.get("name")), "data", (String) databaseUrl.get("key")))
                .endsWith("/" + database);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void each_service_runs_as_documented_non_root_read_only_with_the_memory_limit_and_stops_gracefully(
            String overlay, String service) {
        Map<String, Object> deployment = object(render(overlay), "Deployment", service);
        Map<String, Object> pod = (Map<String, Object>) path(deployment, "spec", "template", "spec");
        Map<String, Object> container = container(deployment);

        assertThat(path(container, "resources", "limits", "memory")).isEqualTo(ServiceRequirements.memoryLimit());
        assertThat(path(container, "resources", "requests", "memory")).isEqualTo(ServiceRequirements.memoryLimit());
        assertThat(path(container, "resources", "requests", "cpu")).as("the autoscaler measures against it").isNotNull();

        assertThat(path(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat((Integer) path(pod, "securityContext", "runAsUser")).isPositive();
        assertThat(path(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(path(container, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
        assertThat((List<Object>) container.get("volumeMounts")).containsExactly(Map.of("name", "tmp", "mountPath", "/tmp"));
        assertThat(((List<Object>) pod.get("volumes")).get(0)).extracting(volume -> ((Map<String, Object>) volume).get("emptyDir")).isNotNull();

        assertThat((Integer) pod.get("terminationGracePeriodSeconds")).isGreaterThan(30 + 5);
        assertThat(((List<Object>) container.get("env")).stream().map(Map.class::cast))
                .anySatisfy(variable -> assertThat(variable).isEqualTo(Map.of("name", "SERVER_SHUTDOWN", "value", "graceful")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void each_service_has_a_service_an_autoscaler_and_a_disruption_budget(String overlay, String service) {
        List<Map<String, Object>> objects = render(overlay);
        Map<String, Object> podLabels = (Map<String, Object>) path(object(objects, "Deployment", service), "spec", "template", "metadata", "labels");

        Map<String, Object> kubernetesService = object(objects, "Service", service);
        assertThat(podLabels).containsAllEntriesOf((Map<String, Object>) path(kubernetesService, "spec", "selector"));
        assertThat(((Map<String, Object>) ((List<Object>) path(kubernetesService, "spec", "ports")).get(0)).get("targetPort")).isEqualTo("http");

        Map<String, Object> autoscaler = object(objects, "HorizontalPodAutoscaler", service);
        assertThat(path(autoscaler, "spec", "scaleTargetRef", "name")).isEqualTo(service);
        assertThat((Integer) path(autoscaler, "spec", "minReplicas")).isGreaterThanOrEqualTo(2);

        Map<String, Object> budget = object(objects, "PodDisruptionBudget", service);
        assertThat(podLabels).containsAllEntriesOf((Map<String, Object>) path(budget, "spec", "selector", "matchLabels"));
        assertThat((Integer) path(budget, "spec", "minAvailable")).isPositive();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void network_policies_deny_by_default_and_select_the_services_pods(Path overlay) {
        List<Map<String, Object>> objects = render(overlay.getFileName().toString());
        List<Map<String, Object>> policies = objects.stream().filter(object -> "NetworkPolicy".equals(object.get("kind"))).toList();
        assertThat(policies).anySatisfy(policy -> {
            assertThat(path(policy, "spec", "podSelector")).isEqualTo(Map.of());
            assertThat((List<Object>) path(policy, "spec", "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(path(policy, "spec", "ingress")).isNull();
            assertThat(path(policy, "spec", "egress")).isNull();
        });
        for (String service : ServiceRequirements.SERVICES) {
            Map<String, Object> podLabels = (Map<String, Object>) path(object(objects, "Deployment", service), "spec", "template", "metadata", "labels");
            assertThat(policies).as(service + " is let in from the ingress").anySatisfy(policy -> {
                assertThat(path(policy, "spec", "ingress")).isNotNull();
                assertThat(podLabels).containsAllEntriesOf((Map<String, Object>) path(policy, "spec", "podSelector", "matchLabels"));
            });
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void the_services_reach_dns_postgresql_kafka_and_the_issuer(Path overlay) {
        List<Map<String, Object>> policies = render(overlay.getFileName().toString()).stream()
                .filter(object -> "NetworkPolicy".equals(object.get("kind")))
                .filter(policy -> path(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/part-of") != null)
                .toList();
        Set<Object> egressPorts = policies.stream()
                .flatMap(policy -> ((List<Object>) java.util.Objects.requireNonNullElse(path(policy, "spec", "egress"), List.of())).stream())
                .flatMap(rule -> ((List<Object>) path((Map<String, Object>) rule, "ports")).stream())
                .map(port -> ((Map<String, Object>) port).get("port"))
                .collect(Collectors.toSet());
        assertThat(egressPorts).contains(53, 5432, 9092, 443);
    }

    @Test
    void the_production_overlay_creates_the_topics_of_the_contracts() {
        Set<Object> topics = render("production").stream()
                .filter(object -> "KafkaTopic".equals(object.get("kind")))
                .map(topic -> path(topic, "spec", "topicName"))
                .collect(Collectors.toSet());
        assertThat(topics).containsExactlyInAnyOrderElementsOf(ServiceRequirements.topics());
    }

    @Test
    void every_topic_keeps_its_records_for_the_documented_retention_only() {
        List<Object> retentions = render("production").stream()
                .filter(object -> "KafkaTopic".equals(object.get("kind")))
                .map(topic -> path(topic, "spec", "config", "retention.ms"))
                .toList();
        assertThat(retentions).hasSize(ServiceRequirements.topics().size())
                .allSatisfy(retention -> assertThat(((Number) retention).longValue())
                        .isEqualTo(ServiceRequirements.topicRetentionMs()));
    }

    private static final Map<String, List<Map<String, Object>>> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The overlay as kubectl renders it (once per overlay and test run). */
    private static List<Map<String, Object>> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, KubernetesManifestsTest::kustomize);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> kustomize(String overlay) {
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", OVERLAYS.resolve(overlay).toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as("kubectl kustomize " + overlay).isZero();
            List<Map<String, Object>> objects = new ArrayList<>();
            new Yaml().loadAll(output).forEach(object -> objects.add((Map<String, Object>) object));
            return objects;
        } catch (IOException e) {
            assumeTrue(false, "kubectl is not installed here (CI installs it: .ci/run); the manifests are not rendered: " + e.getMessage());
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> object(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream()
                .filter(object -> kind.equals(object.get("kind")) && name.equals(path(object, "metadata", "name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        List<Object> containers = (List<Object>) path(deployment, "spec", "template", "spec", "containers");
        assertThat(containers).hasSize(1);
        return (Map<String, Object>) containers.get(0);
    }

    private static Object path(Map<String, Object> object, String... keys) {
        Object current = object;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }
}
