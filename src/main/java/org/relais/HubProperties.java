package org.relais;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What every capability of the hub shares ({@code relais.*}, config/application.yml).
 *
 * @param configDir          the partnership's configuration: directory, templates, texts, vocabularies
 * @param dataDir            what the hub keeps on disk: the development run's database and broker, its spool files
 * @param hubAddress         the one address partners write to, and the hub's sender
 * @param coordinatorAddress the coordinators' address, when the directory names no coordinator
 * @param publicName         the name the hub's mails are signed with
 */
@ConfigurationProperties("relais")
@Validated
public record HubProperties(
        @NotNull Path configDir,
        @NotNull Path dataDir,
        @NotBlank @Email String hubAddress,
        @NotBlank @Email String coordinatorAddress,
        @NotBlank String publicName) {
}
