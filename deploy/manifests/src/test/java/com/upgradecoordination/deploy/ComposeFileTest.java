package com.upgradecoordination.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.events.Topics;
import com.upgradecoordination.platform.security.Roles;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/compose cannot be started on the build machines (no Docker engine), so this reads it as
 * Compose would (YAML with anchors and merge keys) and checks each service against what it requires.
 */
@SuppressWarnings("unchecked")
class ComposeFileTest {

    private static final List<String> SERVICES = ServiceRequirements.SERVICES;
    private static final Map<String, Object> COMPOSE = new Yaml().load(ServiceRequirements.read("deploy/compose/compose.yaml"));
    private static final JsonNode REALM = JsonMapper.shared()
            .readTree(ServiceRequirements.read("deploy/compose/keycloak/upgrade-coordination-realm.json"));

    @ParameterizedTest
    @FieldSource("SERVICES")
    void each_service_gets_every_variable_it_requires(String service) {
        assertThat(ServiceRequirements.requiredEnvironment())
                .contains("DATABASE_URL", "KAFKA_BOOTSTRAP_SERVERS", "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI");
        assertThat(environment(service)).containsKeys(ServiceRequirements.requiredEnvironment().toArray(String[]::new));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    @SuppressWarnings("unchecked")
    void each_service_runs_its_own_image_on_its_own_port_and_reports_readiness(String service) {
        Map<String, Object> definition = service(service);
        int port = ServiceRequirements.port(service);
        assertThat(definition.get("image")).isEqualTo("upgrade-coordination/" + service + ":" + ServiceRequirements.projectVersion());
        assertThat(environment(service).getOrDefault("PORT", port)).isEqualTo(port);
        assertThat((List<Object>) definition.get("ports")).containsExactly(port + ":" + port);

        assertThat(ServiceRequirements.healthProbesEnabled()).isTrue();
        String healthCheck = String.join(" ", (List<String>) ((Map<String, Object>) definition.get("healthcheck")).get("test"));
        assertThat(healthCheck).contains(ServiceRequirements.READINESS).contains("$${PORT}");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void each_service_starts_after_its_database_broker_topics_and_issuer_are_ready(String service) {
        Map<String, Object> dependsOn = (Map<String, Object>) service(service).get("depends_on");
        assertThat(condition(dependsOn, "postgres")).isEqualTo("service_healthy");
        assertThat(condition(dependsOn, "kafka-topics")).isEqualTo("service_completed_successfully");
        assertThat(condition(dependsOn, "keycloak")).isEqualTo("service_healthy");
        for (String dependency : List.of("postgres", "kafka", "keycloak")) {
            assertThat(service(dependency)).as(dependency + " has a health check").containsKey("healthcheck");
        }
        assertThat(condition((Map<String, Object>) service("kafka-topics").get("depends_on"), "kafka")).isEqualTo("service_healthy");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void each_service_has_a_database_of_its_own_owned_by_its_account(String service) {
        Map<String, Object> environment = environment(service);
        String database = String.valueOf(environment.get("DATABASE_URL")).replaceAll(".*/", "");
        String user = String.valueOf(environment.get("DATABASE_USER"));
        assertThat(environment.get("DATABASE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + database);
        assertThat(ServiceRequirements.read("deploy/compose/postgres/init-databases.sql"))
                .contains("CREATE USER " + user + " WITH PASSWORD '" + environment.get("DATABASE_PASSWORD") + "';")
                .contains("CREATE DATABASE " + database + " OWNER " + user + ";");
        long servicesOnThisDatabase = SERVICES.stream()
                .filter(other -> environment(other).get("DATABASE_URL").equals(environment.get("DATABASE_URL")))
                .count();
        assertThat(servicesOnThisDatabase).isEqualTo(1);
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void each_service_accepts_the_realms_tokens_and_reads_its_keys_inside_the_network(String service) {
        Map<String, Object> environment = environment(service);
        String realm = REALM.get("realm").asString();
        Object frontEnd = ((Map<String, Object>) service("keycloak").get("environment")).get("KC_HOSTNAME");
        assertThat(environment.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI")).isEqualTo(frontEnd + "/realms/" + realm);
        assertThat(environment.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI"))
                .isEqualTo("http://keycloak:8080/realms/" + realm + "/protocol/openid-connect/certs");
    }

    @Test
    void the_realm_holds_the_seven_roles_and_puts_them_in_the_roles_claim() {
        assertThat(texts(REALM.get("roles").get("realm"), "name")).containsExactlyInAnyOrderElementsOf(Roles.ALL);
        for (JsonNode client : REALM.get("clients")) {
            JsonNode mapper = client.get("protocolMappers").get(0);
            assertThat(mapper.get("protocolMapper").asString()).isEqualTo("oidc-usermodel-realm-role-mapper");
            assertThat(mapper.get("config").get("claim.name").asString()).isEqualTo("roles");
        }
        for (JsonNode user : REALM.get("users")) {
            assertThat(texts(user.get("realmRoles"), null)).isNotEmpty().isSubsetOf(Roles.ALL);
        }
        Set<String> rolesOfPeople = REALM.get("users").valueStream()
                .filter(user -> !user.has("serviceAccountClientId"))
                .flatMap(user -> user.get("realmRoles").valueStream())
                .map(JsonNode::asString)
                .collect(Collectors.toSet());
        assertThat(rolesOfPeople).as("an example user for each role a person holds")
                .containsExactlyInAnyOrderElementsOf(Roles.ALL.stream().filter(role -> !role.equals(Roles.INTEGRATION)).toList());
    }

    @Test
    void the_topics_of_the_contracts_are_created_before_the_services_start() {
        Map<String, Object> environment = (Map<String, Object>) service("kafka-topics").get("environment");
        Set<String> created = Set.of(String.valueOf(environment.get("TOPICS")).split(" "));
        assertThat(created).containsExactlyInAnyOrderElementsOf(ServiceRequirements.topics())
                .contains(Topics.COORDINATION, Topics.REVIEW, Topics.NOTIFICATION);
        assertThat(environment.get("PARTITIONS")).isEqualTo(3);
        assertThat(((Number) environment.get("RETENTION_MS")).longValue()).isEqualTo(ServiceRequirements.topicRetentionMs());
        assertThat(String.valueOf(service("kafka-topics").get("command"))).contains("--config retention.ms=\"$$RETENTION_MS\"");
        assertThat(((Map<String, Object>) service("kafka").get("environment")).get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        Map<String, Object> service = (Map<String, Object>) ((Map<String, Object>) COMPOSE.get("services")).get(name);
        assertThat(service).as("compose service " + name).isNotNull();
        return service;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) {
        return (Map<String, Object>) service(service).get("environment");
    }

    private static Object condition(Map<String, Object> dependsOn, String dependency) {
        assertThat(dependsOn).containsKey(dependency);
        return ((Map<String, Object>) dependsOn.get(dependency)).get("condition");
    }

    private static Set<String> texts(JsonNode array, String field) {
        return array.valueStream()
                .map(node -> field == null ? node.asString() : node.get(field).asString())
                .collect(Collectors.toSet());
    }
}
