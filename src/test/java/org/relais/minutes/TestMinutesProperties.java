package org.relais.minutes;

import java.time.Duration;
import java.util.List;

/** The minutes settings of config/application.yml, for tests of single classes without the hub. */
final class TestMinutesProperties {

    private TestMinutesProperties() {
    }

    static MinutesProperties defaults() {
        return withExtraction(new MinutesProperties.Extraction(500_000, Duration.ofSeconds(20), 500, 128L << 20, 2));
    }

    static MinutesProperties withExtraction(MinutesProperties.Extraction extraction) {
        return new MinutesProperties(List.of("fr", "ro", "bg"), List.of("en", "ru"), Duration.ofDays(21),
                new MinutesProperties.Detection(40, 0.08, 2.0), extraction);
    }
}
