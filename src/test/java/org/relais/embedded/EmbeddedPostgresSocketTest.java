package org.relais.embedded;

import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresSocketTest extends HubTest {

    @Test
    void theHubsConnectionsReachItsPostgreSQLThroughTheSocketFileNotTcp() {
        // PostgreSQL gives a connection over its socket file no server address and the client port -1
        assertThat(jdbc.sql("select inet_server_addr() is null").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("""
                        select count(*) from pg_stat_activity
                        where backend_type = 'client backend' and client_port is distinct from -1
                        """).query(Integer.class).single()).isZero();
    }
}
