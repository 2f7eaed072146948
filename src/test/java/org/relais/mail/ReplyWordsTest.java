package org.relais.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a coordinator's reply is read with the words of config/decisions/reply-words.yaml. */
class ReplyWordsTest {

    private static final ReplyWords WORDS = new ReplyWords(Path.of("config/decisions/reply-words.yaml"));
    private static final List<String> BUDGET = List.of("approve", "reject");

    @Test
    void theWordsTheIssueNamesSettleABudgetInEachLanguage() {
        for (String approval : List.of("Approuvé.", "aprobat", "Одобрен!", "Одобрено, согласен")) {
            assertThat(WORDS.answersIn(approval, BUDGET)).as(approval).containsExactly("approve");
        }
        for (String rejection : List.of("Rejeté : trop cher.", "Respins", "отхвърлен", "Отклонено")) {
            assertThat(WORDS.answersIn(rejection, BUDGET)).as(rejection).containsExactly("reject");
        }
        assertThat(WORDS.answersIn("approuvé ou rejeté ?", BUDGET)).containsExactly("approve", "reject");
        assertThat(WORDS.answersIn("Je regarde cela avec le partenaire.", BUDGET)).isEmpty();
    }

    @Test
    void anExtensionIsReadWithItsNumberOfDaysWrittenAfterTheWord() {
        assertThat(WORDS.answersIn("Prolonger 14", List.of("circulate", "extend"))).containsExactly("extend");
        assertThat(WORDS.numberAfter("extend", "Prolonger 14")).hasValue(14);
        assertThat(WORDS.numberAfter("extend", "Merci ; prolonger de 10 jours.")).hasValue(10);
        assertThat(WORDS.numberAfter("extend", "Prelungiți cu 21 de zile")).hasValue(21);
        assertThat(WORDS.numberAfter("extend", "удължете с 7 дни")).hasValue(7);
        assertThat(WORDS.numberAfter("extend", "Prolonger, s'il vous plaît.")).isEmpty();
        assertThat(WORDS.answersIn("Difuzați acum.", List.of("circulate", "extend"))).containsExactly("circulate");
        assertThat(WORDS.answersIn("Разпространете го.", List.of("circulate", "extend"))).containsExactly("circulate");
    }

    @Test
    void languagesAreReadInTheOrderTheyAreWrittenAndAnAddressNamesNone() {
        assertThat(WORDS.languagesIn("1 : roumain, 2 : bulgare")).containsExactly("ro", "bg");
        assertThat(WORDS.languagesIn("e în română")).containsExactly("ro");
        assertThat(WORDS.languagesIn("BG")).containsExactly("bg");
        assertThat(WORDS.languagesIn("Это по-русски? Нет, это русский текст.")).containsExactly("ru");
        assertThat(WORDS.languagesIn("Confiez-la à traduction-fr@relais.test, c'est en cours")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ro", "bg", "ru"})
    void everyLanguageAMailNamesIsUnderstoodInAReply(String reader) throws IOException {
        Properties names = load(Path.of("config/i18n/translation_" + reader + ".properties"));
        for (String code : List.of("fr", "ro", "bg", "ru", "en")) {
            String name = names.getProperty("language." + code);
            assertThat(WORDS.languagesIn(name)).as("%s in %s", name, reader).containsExactly(code);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ro", "bg", "ru"})
    void theWordsAMailNamesAreTheFirstOfTheReadersLanguage(String reader) {
        for (String answer : List.of("approve", "reject", "circulate", "extend")) {
            assertThat(WORDS.answersIn(WORDS.named(answer, reader), List.of(answer))).containsExactly(answer);
        }
        assertThat(WORDS.named("circulate", "en")).isEqualTo(WORDS.named("circulate", "fr"));
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
