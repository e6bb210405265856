package com.upgradecoordination.platform.personaldata;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Read-model columns that hold people's identifiers in clear, named {@code table.column}: when a
 * person is erased, each of their identifiers found there is replaced with
 * {@link PersonalDataCipher#ERASED}. A service declares its read models' columns once, in a
 * subclass that is a bean; a rebuild writes the same, since the events then read "erased".
 */
public class PersonalDataColumns implements PersonalDataCopies {

    /** A column of a read-model table. */
    public record Column(String table, String name) {

        static Column parse(String qualified) {
            int dot = qualified.indexOf('.');
            if (dot <= 0 || dot == qualified.length() - 1) {
                throw new IllegalArgumentException("'" + qualified + "': a column is named table.column");
            }
            return new Column(qualified.substring(0, dot), qualified.substring(dot + 1));
        }
    }

    protected final JdbcClient jdbc;
    private final List<Column> replaced;

    public PersonalDataColumns(JdbcClient jdbc, String... replacedColumns) {
        this.jdbc = jdbc;
        this.replaced = List.of(replacedColumns).stream().map(Column::parse).toList();
    }

    @Override
    public void erase(HashedPerson person) {
        identifiersIn(replaced, person).forEach(this::replace);
    }

    /** Replaces one identifier wherever a declared column holds it. */
    protected void replace(String identifier) {
        for (Column column : replaced) {
            jdbc.sql("UPDATE " + column.table() + " SET " + column.name() + " = :erased WHERE " + column.name()
                            + " = :identifier")
                    .param("erased", PersonalDataCipher.ERASED).param("identifier", identifier).update();
        }
    }

    /**
     * The stored identifiers (names or addresses) in these columns whose hash is the person's: the
     * distinct values are read and hashed in Java, since the person is known by hash only.
     */
    protected Set<String> identifiersIn(List<Column> columns, HashedPerson person) {
        Set<String> identifiers = new LinkedHashSet<>();
        for (Column column : columns) {
            jdbc.sql("SELECT DISTINCT " + column.name() + " FROM " + column.table() + " WHERE " + column.name()
                            + " IS NOT NULL")
                    .query(String.class).list().stream().filter(person::is).forEach(identifiers::add);
        }
        return identifiers;
    }

    protected List<Column> replacedColumns() {
        return replaced;
    }
}
