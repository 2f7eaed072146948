package org.relais.embedded;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The development run's own servers ({@code relais.embedded.*}, config/application.yml); the prod profile switches
 * both off.
 *
 * @param postgres PostgreSQL from the build's binaries
 * @param mail     the mail server inside the hub's JVM
 */
@ConfigurationProperties("relais.embedded")
@Validated
record EmbeddedProperties(@NotNull @Valid Postgres postgres, @NotNull @Valid Mail mail) {

    /**
     * @param port          0 picks a free port (tests); the development run uses a fixed one so psql can reach it
     * @param dataDirectory blank means a throw-away cluster (tests); otherwise data survives restarts
     * @param durable       fsync and synchronous commits on: a commit survives a crash of PostgreSQL itself
     */
    record Postgres(boolean enabled, @PositiveOrZero int port, String dataDirectory, @Positive int poolSize,
                    boolean durable) {

        boolean keepsData() {
            return dataDirectory != null && !dataDirectory.isBlank();
        }
    }

    record Mail(boolean enabled, @NotNull String bindAddress, @Positive int smtpPort, @Positive int imapPort) {
    }
}
