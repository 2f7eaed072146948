package org.relais.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.HubProperties;
import org.relais.mail.OwnText;
import org.relais.minutes.LanguageIdentifier;
import org.relais.minutes.MinutesProperties;
import org.relais.minutes.Sentences;

/** What a translator's reply says: the translation without the quoted mail, a refusal in any language, or neither. */
class TranslatorReplyTextTest {

    private static final List<String> DECLINE = List.of("je ne peux pas", "indisponible", "nu pot", "refuz",
            "не мога", "отказвам");
    private static final TranslationCheck CHECK = new TranslationCheck(new LanguageIdentifier(new MinutesProperties(
            List.of("fr", "ro", "bg"), List.of("en", "ru"), Duration.ofDays(21),
            new MinutesProperties.Detection(40, 0.08, 2.0),
            new MinutesProperties.Extraction(500_000, Duration.ofSeconds(20), 500, 128L << 20, 1))));

    @Test
    void theQuotedRequestBelowTheTranslationIsLeftOut() {
        String reply = Sentences.ROMANIAN + "\n\nOn Mon, 7 Sep 2009 at 10:00, Relais <hub@relais.test> wrote:\n> "
                + Sentences.FRENCH;
        assertThat(OwnText.of(reply)).isEqualTo(Sentences.ROMANIAN);
        assertThat(OwnText.of("Превод:\n> цитат\n" + Sentences.BULGARIAN + "\n-----Original Message-----\nx"))
                .isEqualTo("Превод:\n" + Sentences.BULGARIAN);
    }

    @Test
    void aShortReplyDecliningInFrenchRomanianOrBulgarianDeclines() {
        assertThat(ReplyText.declines("Bonjour, je suis INDISPONIBLE ce mois-ci.", DECLINE)).isTrue();
        assertThat(ReplyText.declines("Îmi pare rău, nu pot să fac traducerea.", DECLINE)).isTrue();
        assertThat(ReplyText.declines("Отказвам, съжалявам.", DECLINE)).isTrue();
        assertThat(ReplyText.declines("Voici la traduction, merci.", DECLINE)).isFalse();
    }

    @Test
    void aRussianTranslatorDeclinesInRussianAboveTheQuoteItsMailClientWrote() {
        List<String> shipped = new DeclineWords(
                new HubProperties(Path.of("config"), Path.of("data"), "hub@relais.test",
                        "coordination@relais.test", "Relais")).all();
        String reply = "Извините, не смогу в этом месяце.\n\n23.10.2009 10:00, Relais пишет:\n> Перевод на болгарский";
        assertThat(OwnText.of(reply)).isEqualTo("Извините, не смогу в этом месяце.");
        assertThat(ReplyText.declines(OwnText.of(reply), shipped)).isTrue();
        assertThat(OwnText.of(Sentences.RUSSIAN + "\n\n-------- Исходное сообщение --------\nx"))
                .isEqualTo(Sentences.RUSSIAN);
    }

    @Test
    void aTranslationThatHappensToContainADeclineWordIsNotARefusal() {
        String translation = (Sentences.ROMANIAN + " Primarul a spus că nu pot fi ignorate nevoile. ").repeat(3);
        assertThat(ReplyText.declines(translation, DECLINE)).isFalse();
    }

    @Test
    void aTranslationInTheTargetLanguageIsAccepted() {
        assertThat(CHECK.problem(Sentences.BULGARIAN, Sentences.ROMANIAN, "bg")).isEmpty();
    }

    @Test
    void theOriginalSentBackIsRefusedAsUnchanged() {
        assertThat(CHECK.problem("  " + Sentences.ROMANIAN.toUpperCase() + "\n", Sentences.ROMANIAN, "bg"))
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo(TranslationCheck.Problem.UNCHANGED));
    }

    @Test
    void aTextInAnotherLanguageIsRefusedWithTheLanguageItIsIn() {
        assertThat(CHECK.problem(Sentences.FRENCH, Sentences.ROMANIAN, "bg"))
                .hasValueSatisfying(p -> {
                    assertThat(p.code()).isEqualTo(TranslationCheck.Problem.WRONG_LANGUAGE);
                    assertThat(p.detected()).isEqualTo("fr");
                });
    }

    @Test
    void aReplyWithoutTextIsRefusedAsEmpty() {
        assertThat(CHECK.problem("Merci !", Sentences.ROMANIAN, "fr"))
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo(TranslationCheck.Problem.EMPTY));
    }
}
