package org.relais.embedded;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The development run's PostgreSQL: real binaries shipped in a Maven jar (zonky), data kept under the data folder so
 * that a restart finds what it stored. The hub connects through its Unix-domain socket, not TCP
 * (UnixDomainSocketFactory). The {@code prod} profile switches this off and Boot's own DataSource applies.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "relais.embedded.postgres.enabled", havingValue = "true")
class EmbeddedPostgresConfiguration {

    /** The temporary folder, as PostgreSQL's own default: a socket file's path must stay short (108 bytes). */
    static final Path SOCKET_DIRECTORY = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedProperties embedded) throws IOException {
        EmbeddedProperties.Postgres properties = embedded.postgres();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // stopped by this bean's close, after Camel's routes have stopped: zonky's own shutdown hook would
                // stop it at once, while routes still finish their work against it
                .setRegisterShutdownHook(false)
                .setPort(properties.port())
                .setServerConfig("max_connections", "100")
                // the socket file the hub connects through, where it knows to find it
                .setServerConfig("unix_socket_directories", SOCKET_DIRECTORY.toString());
        if (properties.durable()) {
            // zonky starts PostgreSQL tuned for throw-away test data; the development run keeps real data
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        if (properties.keepsData()) {
            Path dataDirectory = Path.of(properties.dataDirectory()).toAbsolutePath();
            OrphanedPostmaster.stopIfRunning(dataDirectory);
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        return builder.start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedProperties embedded) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&"
                + UnixDomainSocketFactory.urlParameters(SOCKET_DIRECTORY, postgres.getPort()));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(embedded.postgres().poolSize());
        dataSource.setPoolName("relais-embedded");
        return dataSource;
    }
}
