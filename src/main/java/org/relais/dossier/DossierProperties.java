package org.relais.dossier;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The funders' dossier's settings ({@code relais.dossier.*}, defaults in config/application.yml).
 *
 * @param languages          the languages a dossier is written in (config/i18n/dossier_*); a requester of another
 *                           language gets the first
 * @param maxAttachmentBytes a dossier up to this size is attached to the answer; a larger one is sent as a signed link
 * @param linkValidity       how long such a link works
 */
@ConfigurationProperties("relais.dossier")
@Validated
public record DossierProperties(@NotEmpty List<String> languages, @Positive long maxAttachmentBytes,
                                @NotNull Duration linkValidity) {
}
