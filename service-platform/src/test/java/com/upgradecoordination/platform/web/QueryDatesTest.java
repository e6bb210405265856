package com.upgradecoordination.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class QueryDatesTest {

    @Test
    void datesOfTheYears0001To9999PassAndNothingIsNothing() {
        assertThat(QueryDates.within("from", LocalDate.of(1, 1, 1))).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(QueryDates.within("to", LocalDate.of(9999, 12, 31))).isEqualTo(LocalDate.of(9999, 12, 31));
        assertThat(QueryDates.within("from", (LocalDate) null)).isNull();
        assertThat(QueryDates.within("from", (Instant) null)).isNull();
        assertThat(QueryDates.within("from", Instant.parse("0001-01-01T00:00:00Z"))).isNotNull();
        assertThat(QueryDates.within("to", Instant.parse("9999-12-31T23:59:59.999999999Z"))).isNotNull();
    }

    @Test
    void datesADatabaseCannotHoldAreInvalidInputNamingTheParameter() {
        assertThatThrownBy(() -> QueryDates.within("upgradeFrom", LocalDate.parse("-999999999-01-01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("upgradeFrom: ");
        assertThatThrownBy(() -> QueryDates.within("upgradeTo", LocalDate.of(10_000, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("upgradeTo: ");
        assertThatThrownBy(() -> QueryDates.within("from", LocalDate.of(0, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryDates.within("to", Instant.parse("+999999999-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("to: ");
        assertThatThrownBy(() -> QueryDates.within("to", Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryDates.within("from", Instant.parse("0000-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
