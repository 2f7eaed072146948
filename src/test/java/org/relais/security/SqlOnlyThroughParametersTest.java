package org.relais.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every SQL text the hub sends to PostgreSQL is fixed when the code is compiled: values travel as bind parameters,
 * never inside the text, so no mail, file name or console search can change a statement.
 */
class SqlOnlyThroughParametersTest {

    private static final Pattern SQL_ENDPOINT = Pattern.compile("\\b(?:sql|jdbc|sql-stored):[^\\n]*");

    @Test
    void everySqlTextInTheJavaSourcesIsBuiltFromConstantsOnly() {
        List<SqlSinks.Sink> sinks = SqlSinks.in(Path.of("src/main/java"), testClassPath());

        assertThat(sinks).as("the check finds the repositories' statements").hasSizeGreaterThan(100);
        assertThat(sinks.stream().filter(sink -> sink.unsafeBecause() != null)
                .map(sink -> sink.place() + " " + sink.unsafeBecause()))
                .as("SQL built from values (use :named parameters, or pick among constant texts)")
                .isEmpty();
    }

    @Test
    void theCheckNamesEachWayAValueCanSlipIntoSql(@TempDir Path sources) throws IOException {
        Files.writeString(sources.resolve("Leaky.java"), """
                import org.springframework.jdbc.core.simple.JdbcClient;
                class Leaky {
                    static final String TABLE = "document";
                    static final String SAFE = "select * from " + TABLE + " where id = :id";
                    JdbcClient jdbc;
                    void safe(boolean newest) {
                        jdbc.sql(SAFE).param("id", 1).query().listOfRows();
                        jdbc.sql(newest ? SAFE + " order by id desc" : SAFE).query().listOfRows();
                        count(TABLE);
                    }
                    void concatenated(String name) {
                        jdbc.sql("select * from contact where name = '" + name + "'").query().listOfRows();
                    }
                    void formatted(String column) {
                        jdbc.sql("select %s from contact".formatted(column)).query().listOfRows();
                    }
                    public void byAPublicMethod(String where) {
                        count(where);
                    }
                    private void count(String table) {
                        jdbc.sql("select count(*) from " + table).query().listOfRows();
                    }
                }
                """);

        List<SqlSinks.Sink> sinks = SqlSinks.in(sources, testClassPath());

        assertThat(sinks).extracting(sink -> Path.of(sink.place()).getFileName().toString()).containsExactly("Leaky.java:7", "Leaky.java:8",
                "Leaky.java:12", "Leaky.java:15", "Leaky.java:21");
        assertThat(sinks).extracting(SqlSinks.Sink::unsafeBecause).satisfiesExactly(
                safe -> assertThat(safe).isNull(),
                safe -> assertThat(safe).isNull(),
                concatenated -> assertThat(concatenated).contains("parameter 'name'"),
                formatted -> assertThat(formatted).contains("formatted(column)"),
                publicCaller -> assertThat(publicCaller).contains("parameter 'where'", "byAPublicMethod"));
    }

    /**
     * The routes reach PostgreSQL only through the repositories, whose statements the first test checks: an SQL
     * endpoint in a route would escape that check, so there is none.
     */
    @Test
    void theRoutesReachPostgresqlOnlyThroughTheCheckedRepositories() throws IOException {
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            List<Path> files = routes.filter(path -> path.toString().endsWith(".yaml")).toList();
            assertThat(files).as("route files").isNotEmpty();
            for (Path route : files) {
                assertThat(SQL_ENDPOINT.matcher(Files.readString(route)).results().map(MatchResult::group))
                        .as(route + ": SQL belongs in a repository, where its text is checked").isEmpty();
            }
        }
    }

    /** Surefire hides the class path behind a manifest jar and tells it in its own property. */
    private static String testClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        assertThat(classPath.split(File.pathSeparator)).as("class path").hasSizeGreaterThan(10);
        return classPath;
    }
}
