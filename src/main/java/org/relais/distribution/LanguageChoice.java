package org.relais.distribution;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The language a reader gets: its own when available, else the first available one in the configured fallback
 * order (relais.distribution.language-fallback), else any available one.
 */
@Component
public class LanguageChoice {

    private final List<String> fallback;

    @Autowired
    LanguageChoice(DistributionProperties properties) {
        this(properties.languageFallback());
    }

    LanguageChoice(List<String> fallback) {
        this.fallback = List.copyOf(fallback);
    }

    public Optional<String> choose(String readerLanguage, Collection<String> available) {
        if (available.contains(readerLanguage)) {
            return Optional.of(readerLanguage);
        }
        return fallback.stream().filter(available::contains).findFirst()
                .or(() -> available.stream().sorted().findFirst());
    }
}
