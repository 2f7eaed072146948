package org.relais.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relais.budget.TestConfig.CONFIG;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelMatcherTest {

    @ParameterizedTest(name = "\"{0}\" is {1} in {2}")
    @CsvSource(delimiter = '|', value = {
            "Frais d'hébergement (1 nuit)                          | ACCOMMODATION | fr",
            "FRAIS D'HEBERGEMENT                                   | ACCOMMODATION | fr",
            "  frais de déplacement des participants*              | TRAVEL        | fr",
            "Location de salles de réunion (1 salle de 50 places)  | ROOM_HIRE     | fr",
            "Cheltuieli de transport ale participanţilor           | TRAVEL        | ro",
            "Cheltuieli de transport ale participanților           | TRAVEL        | ro",
            "Cazarea participanților (2 nopți)                     | ACCOMMODATION | ro",
            "ÎNCHIRIERE SĂLI                                       | ROOM_HIRE     | ro",
            "Нощувки (1 нощ)                                       | ACCOMMODATION | bg",
            "Пътни разходи на участниците                          | TRAVEL        | bg",
            "Общо:                                                 | TOTAL         | bg",
            "3. Превод (румънски, български, френски)              | TRANSLATION   | bg",
            "Проживание участников                                 | ACCOMMODATION | ru",
            "Аренда зала (50 мест)                                 | ROOM_HIRE     | ru",
            "Arenda sălilor                                        | ROOM_HIRE     | ro",
    })
    void labelsAreRecognisedWhateverTheirCaseAccentsAndExtraWords(String text, BudgetLine line, String language) {
        assertThat(CONFIG.labels().lineMatcher().match(text)).hasValueSatisfying(match -> {
            assertThat(match.key()).isEqualTo(line);
            assertThat(match.languages()).contains(language);
        });
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "Frais d'hébergment (1 nuit)                           | ACCOMMODATION",
            "Frais de déplacment des participants                  | TRAVEL",
            "Cheltuieli de tranport ale participanților            | TRAVEL",
            "Traducțere                                            | TRANSLATION",
            "Комуникациa и покани                                  | COMMUNICATION",
            "Loaction de salles de réunion                         | ROOM_HIRE",
    })
    void aLabelWithATypoIsStillRecognised(String text, BudgetLine line) {
        assertThat(CONFIG.labels().lineMatcher().match(text)).hasValueSatisfying(match ->
                assertThat(match.key()).isEqualTo(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Budget prévisionnel", "Nom du participant", "Subtotalizare", "Непарични"})
    void textThatNamesNoLineIsNotMatched(String text) {
        assertThat(CONFIG.labels().lineMatcher().match(text)).isEmpty();
    }
}
