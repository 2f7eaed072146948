package org.relais.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PostgreSQL driver through the socket file, as the hub's pool uses it, while PostgreSQL stops and comes back. */
class UnixDomainSocketPostgresTest {

    @TempDir
    Path data;

    @Test
    void aConnectionFailsAtOnceWhenPostgreSQLStopsAndANewOneWorksOnceItIsBack() throws Exception {
        int port = freePort();
        EmbeddedPostgres postgres = start(port);
        // the URL the hub's pool is given (EmbeddedPostgresConfiguration)
        String url = postgres.getJdbcUrl("postgres", "postgres") + "&"
                + UnixDomainSocketFactory.urlParameters(EmbeddedPostgresConfiguration.SOCKET_DIRECTORY, port);

        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("create table mail (id int)");
            statement.execute("insert into mail values (1)");

            postgres.close();

            assertThatThrownBy(() -> statement.executeQuery("select count(*) from mail"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url)).isInstanceOf(SQLException.class);
        }

        postgres = start(port);
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery("select count(*) from mail")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        } finally {
            postgres.close();
        }
    }

    private EmbeddedPostgres start(int port) throws Exception {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false)
                .setServerConfig("unix_socket_directories", EmbeddedPostgresConfiguration.SOCKET_DIRECTORY.toString())
                .start();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
