package org.relais.console.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.minutes.Sentences;
import org.relais.support.HubTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The seminars board shows each language of a seminar's minutes: sent, translated or awaited. */
class FlowFactsTest extends HubTest {

    @Autowired
    FlowFacts facts;

    @Test
    void minutesMailedInShowTheirLanguageReceivedAndTheTranslationsAwaited() {
        mail().from("suivi-ro@relais.test").subject("Proces-verbal seminar Argeș")
                .text("Proces-verbal al seminarului.\n\n" + Sentences.ROMANIAN).send();

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from translation_job")
                .query(Integer.class).single() >= 2);

        List<SeminarFact> translations = facts.facts().stream()
                .filter(fact -> fact.seminarCode().equals("S1-ARGES") && fact.column().equals("translations"))
                .toList();
        assertThat(translations).anySatisfy(fact -> {
            assertThat(fact.label()).isEqualTo("ro");
            assertThat(fact.state()).isEqualTo("received");
        });
        assertThat(translations).anySatisfy(fact -> {
            assertThat(fact.label()).isEqualTo("fr");
            assertThat(fact.state()).isIn("pending", "translated");
        });
    }
}
