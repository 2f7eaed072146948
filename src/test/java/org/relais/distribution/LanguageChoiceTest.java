package org.relais.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LanguageChoiceTest {

    private final LanguageChoice choice = new LanguageChoice(List.of("fr", "ro", "bg"));

    @Test
    void theReadersOwnLanguageFirstThenTheConfiguredOrder() {
        assertThat(choice.choose("bg", Set.of("fr", "ro", "bg"))).contains("bg");
        assertThat(choice.choose("bg", Set.of("ro", "fr"))).contains("fr");
        assertThat(choice.choose("ru", Set.of("ro", "bg"))).contains("ro");
        assertThat(choice.choose("fr", Set.of("en"))).contains("en");
        assertThat(choice.choose("fr", Set.of())).isEmpty();
    }
}
