package org.relais.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param port          0 picks a free port (tests); the development run uses a fixed one so psql can reach it
 * @param dataDirectory blank means a throw-away cluster (tests); otherwise data survives restarts
 * @param durable       fsync and synchronous commits on: a commit survives a crash of PostgreSQL itself
 */
@ConfigurationProperties("relais.embedded.postgres")
record EmbeddedPostgresProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("0") int port,
        @DefaultValue("") String dataDirectory,
        @DefaultValue("20") int poolSize,
        @DefaultValue("true") boolean durable) {

    boolean keepsData() {
        return dataDirectory != null && !dataDirectory.isBlank();
    }
}
