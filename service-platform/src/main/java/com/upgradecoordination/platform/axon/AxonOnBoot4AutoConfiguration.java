package com.upgradecoordination.platform.axon;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Axon 4.13's JDBC and transaction auto-configurations order themselves after Boot 3's DataSource
 * auto-configurations, whose classes moved in Boot 4. Without a DataSource and transaction manager
 * in place first, Axon falls back to defaults and refuses to start ("Default configuration
 * requires the use of event sourcing"). Sitting between the two restores the intended order.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
        },
        beforeName = {
            "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
            "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
            "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"
        })
public class AxonOnBoot4AutoConfiguration {
}
