package com.upgradecoordination.platform.personaldata;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table that keeps personal data in clear outside the event store (a read model, the case
 * timeline). When a person is erased, every bean of this type replaces that person's identifier
 * with {@link PersonalDataCipher#ERASED}, in the erasing command's transaction.
 */
public interface PersonalDataCopies {

    void erase(HashedPerson person);

    /**
     * Replaces the person's identifier in one column: its distinct values are read and hashed, and
     * each match is updated. Returns how many rows changed.
     */
    static int replaceIn(JdbcClient jdbc, String table, String column, HashedPerson person) {
        return jdbc.sql("SELECT DISTINCT " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL")
                .query(String.class).list().stream()
                .filter(person::is)
                .mapToInt(identifier -> jdbc.sql("UPDATE " + table + " SET " + column + " = :erased WHERE "
                                + column + " = :identifier")
                        .param("erased", PersonalDataCipher.ERASED)
                        .param("identifier", identifier)
                        .update())
                .sum();
    }
}
