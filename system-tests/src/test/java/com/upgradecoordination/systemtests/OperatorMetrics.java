package com.upgradecoordination.systemtests;

import com.upgradecoordination.local.LocalStack.Service;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one list of the metrics operators watch (docs/operations.md, "What to watch"), as Prometheus
 * names them, with the services that serve each. The scrape test finds every one of them; the alert
 * rules and the Grafana dashboard in deploy/monitoring may name only these.
 */
final class OperatorMetrics {

    record Metric(String name, Set<Service> servedBy) {
    }

    private static final Set<Service> EVERY_SERVICE = EnumSet.allOf(Service.class);

    static final List<Metric> ALL = List.of(
            new Metric("platform_commands_seconds", EnumSet.of(Service.COORDINATION, Service.REVIEW)),
            new Metric("platform_event_store_head", EVERY_SERVICE),
            new Metric("platform_processor_position", EVERY_SERVICE),
            new Metric("platform_processor_lag_events", EVERY_SERVICE),
            new Metric("platform_processor_lag_age_seconds", EVERY_SERVICE),
            new Metric("platform_relay_published_total", EVERY_SERVICE),
            new Metric("platform_relay_failures_total", EVERY_SERVICE),
            new Metric("platform_inbox_events_total", EVERY_SERVICE),
            new Metric("kafka_consumer_fetch_manager_records_lag_max", EVERY_SERVICE),
            new Metric("platform_relay_send_seconds", EVERY_SERVICE),
            new Metric("spring_kafka_listener_seconds", EnumSet.of(Service.REVIEW)),
            new Metric("platform_deadlines_overdue", EnumSet.of(Service.REVIEW, Service.NOTIFICATION)),
            new Metric("platform_deadlines_scheduled", EnumSet.of(Service.REVIEW, Service.NOTIFICATION)),
            new Metric("platform_audit_chain_verifications_total", EVERY_SERVICE),
            new Metric("notification_delivery_attempts_total", EnumSet.of(Service.NOTIFICATION)),
            new Metric("http_server_requests_seconds", EVERY_SERVICE));

    /** Series of a timer carry its name with one of these endings. */
    private static final List<String> SERIES_ENDINGS = List.of("", "_bucket", "_count", "_sum", "_max");
    /** Names in a PromQL expression that belong to our services or their Kafka clients. */
    private static final Pattern NAME_IN_QUERY = Pattern.compile("\\b((?:platform|notification|kafka|spring_kafka|http_server)_[a-z_]+)\\b");

    private OperatorMetrics() {
    }

    /** The listed metric a series (as scraped, or as named in a query) belongs to. */
    static Optional<Metric> ofSeries(String series) {
        return ALL.stream()
                .filter(metric -> SERIES_ENDINGS.stream().anyMatch(ending -> series.equals(metric.name() + ending)))
                .findFirst();
    }

    /** The metric names a PromQL expression uses. */
    static List<String> namesIn(String query) {
        return NAME_IN_QUERY.matcher(query).results().map(result -> result.group(1)).distinct().toList();
    }
}
