package org.relais.cluster;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Several hub instances ({@code relais.cluster.*}, config/application.yml).
 *
 * @param lockKey       the PostgreSQL advisory lock the leader holds: the same for every instance of one hub
 * @param checkInterval how often an instance tries to become the leader, and the leader checks it still is
 */
@ConfigurationProperties("relais.cluster")
@Validated
record ClusterProperties(long lockKey, @NotNull Duration checkInterval) {
}
