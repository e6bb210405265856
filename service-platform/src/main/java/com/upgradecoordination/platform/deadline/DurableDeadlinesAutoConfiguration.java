package com.upgradecoordination.platform.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.upgradecoordination.platform.axon.AxonOnBoot4AutoConfiguration;
import com.upgradecoordination.platform.observability.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Deadlines that survive a restart, for services that turn them on with
 * {@code platform.deadlines.enabled=true}: a db-scheduler {@link Scheduler} on the service's own
 * database (table {@code scheduled_tasks}, platform migration V4). Axon's
 * {@code AxonDbSchedulerAutoConfiguration} sees the scheduler and contributes the
 * {@code DbSchedulerDeadlineManager} and its task, so aggregates use Axon's {@code DeadlineManager}
 * as usual, and a pending deadline is a row, not a timer in memory.
 *
 * <p>Events a deadline handler applies carry {@link DeadlineAudit}'s audit facts.
 *
 * <p>Scheduling joins the command's database transaction (the data source is transaction-aware),
 * so a deadline is stored if and only if the events of the command that scheduled it are.
 */
@AutoConfiguration(
        after = AxonOnBoot4AutoConfiguration.class,
        beforeName = "org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration")
@ConditionalOnClass(Scheduler.class)
@ConditionalOnProperty(prefix = "platform.deadlines", name = "enabled", havingValue = "true")
public class DurableDeadlinesAutoConfiguration {

    /** The tasks (Axon's deadline task among them) are resolved lazily by their own suppliers, so no cycle. */
    @Bean(destroyMethod = "")
    public Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks,
                                       @Value("${platform.deadlines.polling-interval:5s}") Duration pollingInterval,
                                       @Value("${platform.deadlines.threads:2}") int threads) {
        DataSource transactional = dataSource instanceof TransactionAwareDataSourceProxy
                ? dataSource : new TransactionAwareDataSourceProxy(dataSource);
        return Scheduler.create(transactional, tasks)
                .tableName("scheduled_tasks")
                .pollingInterval(pollingInterval)
                .threads(threads)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    /**
     * The deadline backlog: how many are stored, and how many are overdue (their time has come and
     * no instance has picked them up), which grows when the scheduler falls behind or stopped.
     */
    @Bean
    public MeterBinder deadlineBacklog(DataSource dataSource, Clock clock) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        return meters -> {
            Gauge.builder(MetricNames.DEADLINES_SCHEDULED, jdbc,
                            db -> db.sql("SELECT COUNT(*) FROM scheduled_tasks").query(Long.class).single())
                    .description("Deadlines stored, due or not")
                    .register(meters);
            Gauge.builder(MetricNames.DEADLINES_OVERDUE, jdbc,
                            db -> db.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE picked = FALSE AND execution_time <= :now")
                                    .param("now", Timestamp.from(clock.instant()))
                                    .query(Long.class).single())
                    .description("Deadlines whose time has come that no instance has picked up yet")
                    .register(meters);
        };
    }

    /** Every event a deadline causes names the service as its actor and the deadline as its origin. */
    @Bean
    public SmartInitializingSingleton deadlineAuditTrail(DeadlineManager deadlineManager,
                                                         @Value("${spring.application.name}") String serviceName) {
        return () -> deadlineManager.registerHandlerInterceptor(
                new CorrelationDataInterceptor<DeadlineMessage<?>>(List.of(new DeadlineAudit(serviceName))));
    }

    /**
     * Starts polling once everything else runs (deadline handlers load aggregates through Axon's
     * configuration) and stops before anything else stops.
     */
    @Bean
    public SmartLifecycle deadlineSchedulerLifecycle(Scheduler deadlineScheduler) {
        return new SchedulerLifecycle(deadlineScheduler);
    }

    static final class SchedulerLifecycle implements SmartLifecycle {

        private final Scheduler scheduler;
        private volatile boolean running;

        SchedulerLifecycle(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void start() {
            scheduler.start();
            running = true;
        }

        @Override
        public void stop() {
            running = false;
            scheduler.stop();
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        /** The last to start, the first to stop. */
        @Override
        public int getPhase() {
            return Integer.MAX_VALUE - 10;
        }
    }
}
