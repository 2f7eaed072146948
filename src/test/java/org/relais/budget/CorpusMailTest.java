package org.relais.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.corpus.Corpus;
import org.relais.support.HubTest;
import org.relais.support.Spreadsheets;

/** Budgets of the corpus, saved by LibreOffice, mailed to the hub as a partner would and answered. */
class CorpusMailTest extends HubTest {

    @Test
    void aLibreOfficeBudgetStatingDeviseEurUnderItsTableIsAccepted() throws Exception {
        mail().from("savoie@relais.test").subject("Budget prévisionnel du séminaire de Varna")
                .attach("budget_varna.xlsx", Corpus.bytes("budgets/fr_varna_devise_below.lo.xlsx"), Spreadsheets.XLSX)
                .send();

        MimeMessage verdict = verdictFor("savoie@relais.test");
        String text = text(verdict);
        assertThat(verdict.getSubject()).as(text).contains("budget accepté");
        assertThat(text).contains("est conforme au modèle", "(devise : EUR)", "Frais d'hébergement (Budget!A6)")
                .doesNotContain("Note", "monnaie");
        assertThat(jdbc.sql("select currency || ' ' || verdict from budget").query(String.class).single())
                .isEqualTo("EUR accepted");
    }

    @Test
    void aBudgetFromVarnaNamingNoCurrencyIsAcceptedInLevaSayingSoInOneLine() throws Exception {
        mail().from("varna@relais.test").subject("Прогнозен бюджет – семинар във Варна")
                .attach("бюджет_варна.xlsx", Corpus.bytes("budgets/bg_varna_no_currency.lo.xlsx"), Spreadsheets.XLSX)
                .send();

        MimeMessage verdict = verdictFor("varna@relais.test");
        String text = text(verdict);
        assertThat(verdict.getSubject()).as(text).contains("бюджет приет");
        assertThat(text).contains("(валута: BGN)");
        assertThat(text.lines().filter(line -> line.contains("валута")).toList()).as(text).containsExactly(
                "Ето сумите, както Relais ги прочете (валута: BGN); ако някоя е прочетена грешно, отговорете на това съобщение:",
                "  - Бележка: Във файла не е посочена валута: сумите са прочетени в BGN, валутата на страната на"
                        + " организатора (България). Ако това не е вярната валута, впишете валутата във файла (например"
                        + " „Валута: BGN“ под таблицата) и го изпратете отново в отговор на това съобщение.");
        assertThat(verdict.getContent()).as("no annotated copy for a note").isInstanceOf(String.class);
        assertThat(jdbc.sql("select currency || ' ' || verdict from budget").query(String.class).single())
                .isEqualTo("BGN accepted");
        assertThat(jdbc.sql("select code || ' ' || severity || ' ' || cell from budget_issue").query(String.class).list())
                .containsExactly("CURRENCY_ASSUMED NOTE Бюджет!A1");

        // the organiser answers as the note says: the file with its currency written under the table, in reply
        mailServer.purgeEmailFromAllMailboxes();
        mail().from("varna@relais.test").subject("Re: " + verdict.getSubject())
                .attach("бюджет_варна.xlsx", Corpus.bytes("budgets/bg_varna_valuta_below.lo.xlsx"), Spreadsheets.XLSX)
                .send();

        String corrected = text(verdictFor("varna@relais.test"));
        assertThat(corrected).contains("(валута: BGN)").doesNotContain("Бележка");
        assertThat(jdbc.sql("""
                        select version || ' ' || currency || ' ' || verdict || ' '
                               || (select count(*) from budget_issue i where i.budget_id = b.id)
                        from budget b order by version
                        """).query(String.class).list())
                .containsExactly("1 BGN accepted 1", "2 BGN accepted 0");
    }

    private MimeMessage verdictFor(String address) {
        List<MimeMessage> verdicts = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(address, ForecastCheck.PURPOSE), list -> !list.isEmpty());
        return verdicts.get(0);
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain") && part.getFileName() == null) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
