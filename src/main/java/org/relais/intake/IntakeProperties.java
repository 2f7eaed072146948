package org.relais.intake;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("relais.intake")
record IntakeProperties(
        @DefaultValue("20971520") long maxAttachmentBytes,
        @DefaultValue("200") int maxParts,
        @DefaultValue({"fr", "ro", "bg"}) List<String> languages) {
}
