package org.relais.dossier;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The funders' dossier's settings ({@code relais.dossier.*}, defaults in config/application.yml).
 *
 * @param languages          the languages a dossier is written in (config/i18n/dossier_*); a requester of another
 *                           language gets the first
 * @param maxAttachmentBytes a dossier up to this size is attached to the answer; a larger one is sent as a signed link
 * @param linkValidity       how long such a link works
 */
@ConfigurationProperties("relais.dossier")
public record DossierProperties(List<String> languages, long maxAttachmentBytes, Duration linkValidity) {
}
