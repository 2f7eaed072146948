package org.relais.newsletter;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the newsletters (relais.newsletter.*); their schedules are in config/distribution/schedules.yaml.
 *
 * @param documentKinds the kinds of distributed documents a newsletter lists with their links
 * @param maxDocuments  how many documents, newest first
 * @param zone          the time zone of the dates it shows
 */
@ConfigurationProperties("relais.newsletter")
public record NewsletterProperties(
        @DefaultValue({"minutes", "synthesis", "conclusions"}) List<String> documentKinds,
        @DefaultValue("20") int maxDocuments,
        @DefaultValue("Europe/Paris") String zone) {
}
