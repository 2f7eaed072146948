package org.relais.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.minutes.MinutesFiles;
import org.relais.minutes.Sentences;
import org.relais.support.HubTest;
import org.relais.support.LibreTranslateStub;

/**
 * Russian is a language of the hub: Comrat writes in Russian and is answered in Russian, and its minutes written in
 * Russian are translated into French, Romanian and Bulgarian like any other original.
 */
class RussianPartnerTest extends HubTest {

    static final String RUSSIAN_TITLE = "Протокол семинара в Кагуле";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    final LibreTranslateStub machine = LibreTranslateStub.shared();

    @BeforeEach
    void aMachineThatLoadsRussian() {
        machine.reset();
        machine.loadOnly("fr", "ro", "bg", "ru", "en");
        machine.learn(RUSSIAN_TITLE, "fr", "Compte rendu du séminaire de Cahul");
        machine.learn(Sentences.RUSSIAN, "fr", Sentences.FRENCH);
        machine.learn(RUSSIAN_TITLE, "ro", "Proces-verbal al seminarului de la Cahul");
        machine.learn(Sentences.RUSSIAN, "ro", Sentences.ROMANIAN);
        machine.learn(RUSSIAN_TITLE, "bg", "Протокол от семинара в Кахул");
        machine.learn(Sentences.RUSSIAN, "bg", Sentences.BULGARIAN);
    }

    @AfterEach
    void theMachineAsBefore() {
        machine.reset();
    }

    @Test
    void comratIsAnsweredInRussianOnTheThreadOfItsMail() throws Exception {
        MimeMessage sent = mail().from("comrat@relais.test").subject("Вопрос о семинаре в Кагуле")
                .text("Здравствуйте, когда будет программа семинара?").send();

        MimeMessage answer = awaitMailsTo("comrat@relais.test", 1).get(0);

        assertThat(answer.getSubject()).matches("Re: Вопрос о семинаре в Кагуле \\[REL-\\d{4}-\\d{4,}]");
        assertThat(answer.getHeader("Content-Language", null)).isEqualTo("ru");
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo(sent.getMessageID());
        assertThat(FlowMailbox.body(answer)).contains("Здравствуйте, Управление социальной защиты, Комрат",
                "Номер для отслеживания", "Семинар: семинар № 6 (Cahul)", "В вашем письме не было вложений");
    }

    @Test
    void russianMinutesFromAMoldovanPartnerGoToTheFrenchRomanianAndBulgarianTranslations() throws Exception {
        mail().from("comrat@relais.test").subject("Протокол семинара, Кагул")
                .text("Здравствуйте, направляем протокол семинара.")
                .attach("Протокол Кагул.docx", MinutesFiles.docx(RUSSIAN_TITLE, Sentences.RUSSIAN), DOCX).send();

        MimeMessage received = awaitPurpose("comrat@relais.test", "minutes-received");
        assertThat(FlowMailbox.body(received)).contains("«Протокол Кагул.docx»: язык: русский",
                "Запрошенные переводы: французский, румынский, болгарский");
        String reference = jdbc.sql("select reference from minutes").query(String.class).single();
        assertThat(jdbc.sql("select target_language || ':' || source_language from translation_job order by 1")
                .query(String.class).list()).containsExactly("bg:ru", "fr:ru", "ro:ru");

        // the translators into French and Romanian get the Russian original and the machine's draft
        MimeMessage french = awaitPurpose("traduction-fr@relais.test", "translation-job");
        assertThat(french.getSubject()).contains("[" + reference + "]", "français");
        assertThat(FlowMailbox.body(french)).contains("du russe vers le français", "traduction automatique");
        assertThat(FlowMailbox.attachments(french)).extracting(FlowMailbox.Attachment::fileName)
                .containsExactly("Протокол Кагул.docx", reference + "_fr_draft.txt");
        MimeMessage romanian = awaitPurpose("traducere-ro@relais.test", "translation-job");
        assertThat(FlowMailbox.body(romanian)).contains("din limba rusă în limba română");
        assertThat(FlowMailbox.attachments(romanian)).extracting(FlowMailbox.Attachment::fileName)
                .containsExactly("Протокол Кагул.docx", reference + "_ro_draft.txt");

        // Bulgarian: the provider configured for it in this profile (the machine's text is the version)
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from minutes_version where language = 'bg' and origin = 'machine'")
                .query(Integer.class).single() == 1);
        assertThat(jdbc.sql("select text from minutes_version where language = 'bg'").query(String.class).single())
                .isEqualTo("Протокол от семинара в Кахул\n" + Sentences.BULGARIAN);
        assertThat(machine.requests()).extracting(LibreTranslateStub.Request::source).containsOnly("ru");
        assertThat(machine.requests()).extracting(LibreTranslateStub.Request::target)
                .contains("fr", "ro", "bg");
    }

    private MimeMessage awaitPurpose(String address, String purpose) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo(address, purpose).isEmpty());
        List<MimeMessage> mails = mailsTo(address, purpose);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }
}
