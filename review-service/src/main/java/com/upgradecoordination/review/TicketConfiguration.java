package com.upgradecoordination.review;

import com.upgradecoordination.review.domain.upgrade.RequiredInformationCheck;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the Ticket aggregate's command handlers are given besides the command (resolved as Spring beans). */
@Configuration(proxyBeanMethods = false)
public class TicketConfiguration {

    /**
     * Stand-in until the upgrade-stops catalog defines the check as a bean of its own (with the
     * catalog in its constructor); then this method goes.
     */
    @Bean
    @ConditionalOnMissingBean
    public RequiredInformationCheck requiredInformationCheck() {
        return new RequiredInformationCheck();
    }
}
