package com.upgradecoordination.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/monitoring names only metrics the services serve ({@link OperatorMetrics}, which the
 * scrape in {@link SliceEndToEndIT} finds, with every series named here), so an alert cannot watch
 * a series that never exists.
 */
class MonitoringFilesTest {

    static final Path MONITORING = Path.of("..", "deploy", "monitoring");

    /** Every series name the alert rules and the dashboard query. */
    static Set<String> namesUsed() throws IOException {
        Set<String> names = new TreeSet<>();
        alertRules().forEach(rule -> names.addAll(OperatorMetrics.namesIn((String) rule.get("expr"))));
        dashboardQueries().forEach(query -> names.addAll(OperatorMetrics.namesIn(query)));
        return names;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alertRules() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(MONITORING.resolve("alert-rules.yml")));
        List<Map<String, Object>> rules = new ArrayList<>();
        ((List<Map<String, Object>>) file.get("groups"))
                .forEach(group -> rules.addAll((List<Map<String, Object>>) group.get("rules")));
        return rules;
    }

    static List<String> dashboardQueries() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(
                Files.readString(MONITORING.resolve("grafana-dashboard.json")));
        List<String> queries = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> panel.get("targets")
                .forEach(target -> queries.add(target.get("expr").asString())));
        dashboard.get("templating").get("list").forEach(variable -> {
            if ("query".equals(variable.get("type").asString())) {
                queries.add(variable.get("query").asString());
            }
        });
        return queries;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertRuleWatchesServedMetricsAndSaysWhatToDo() throws IOException {
        List<Map<String, Object>> rules = alertRules();

        assertThat(rules).extracting(rule -> rule.get("alert")).contains(
                "RelayStuck", "RelayFailing", "ConsumerLagGrowing", "IntegrationEventRejected", "CommandsFailing",
                "DeadlinesOverdue", "NotificationDeliveryFailed", "HashChainBroken");
        for (Map<String, Object> rule : rules) {
            String expr = (String) rule.get("expr");
            assertThat(OperatorMetrics.namesIn(expr)).as("metrics of %s", rule.get("alert")).isNotEmpty()
                    .allSatisfy(name -> assertThat(OperatorMetrics.ofSeries(name))
                            .as("%s in %s", name, rule.get("alert")).isPresent());
            assertThat((Map<String, Object>) rule.get("labels")).containsKey("severity");
            assertThat((Map<String, Object>) rule.get("annotations")).containsKeys("summary", "runbook");
        }
    }

    @Test
    void everyDashboardQueryNamesServedMetricsAndEveryMetricIsShown() throws IOException {
        List<String> queries = dashboardQueries();

        List<String> shown = new ArrayList<>();
        for (String query : queries) {
            List<String> names = OperatorMetrics.namesIn(query);
            assertThat(names).as("metrics of %s", query).isNotEmpty()
                    .allSatisfy(name -> assertThat(OperatorMetrics.ofSeries(name)).as("%s in %s", name, query).isPresent());
            names.forEach(name -> shown.add(OperatorMetrics.ofSeries(name).orElseThrow().name()));
        }
        assertThat(shown).containsAll(OperatorMetrics.ALL.stream().map(OperatorMetrics.Metric::name).toList());
    }
}
