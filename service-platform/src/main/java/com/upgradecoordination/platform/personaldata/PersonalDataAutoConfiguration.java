package com.upgradecoordination.platform.personaldata;

import com.upgradecoordination.platform.axon.AxonOnBoot4AutoConfiguration;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Crypto-shredding of personal data (docs/personal-data.md): fields marked
 * {@link com.upgradecoordination.events.PersonalData} are stored encrypted with a key per person,
 * and erasing the key makes them read "erased" without changing a stored row. Axon's serializers
 * get {@link PersonalDataModule} from the platform's one serializer customizer
 * ({@code AuditAutoConfiguration#axonJsonMapper}: Axon applies only one). Every service gets the
 * {@link PersonalDataErasure} aggregate, which records each erasure in the service's own store.
 */
@AutoConfiguration(after = AxonOnBoot4AutoConfiguration.class,
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnBean(DataSource.class)
@Import(PersonalDataErasure.class)
public class PersonalDataAutoConfiguration {

    @Bean
    public PersonalDataKeys personalDataKeys(JdbcClient jdbcClient, PlatformTransactionManager transactionManager,
                                             ObjectProvider<Clock> clock,
                                             @Value("${platform.personal-data.key-cache:PT1M}") Duration keyCache) {
        return new PersonalDataKeys(jdbcClient, transactionManager, clock.getIfAvailable(Clock::systemUTC), keyCache);
    }

    @Bean
    public PersonalDataCipher personalDataCipher(PersonalDataKeys personalDataKeys) {
        return new PersonalDataCipher(personalDataKeys);
    }

    @Bean
    public PersonalDataShredder personalDataShredder(PersonalDataKeys personalDataKeys, JdbcClient jdbcClient,
                                                     ObjectProvider<PersonalDataCopies> copies) {
        return new StoredPersonalDataShredder(personalDataKeys, jdbcClient, copies.orderedStream().toList());
    }
}
