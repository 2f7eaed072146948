package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;
import org.relais.support.Spreadsheets;

class IntakeAnswerTest extends HubTest {

    @Test
    void partnersBudgetIsAnsweredInItsLanguageThreadedWithAReferenceAndQueued() throws Exception {
        MimeMessage sent = mail().from("arges@relais.test").subject("Buget seminar")
                .attach("Buget_seminar_Argeș.xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX)
                .send();

        awaitMailsTo("arges@relais.test", 1);
        MimeMessage answer = mailsTo("arges@relais.test", "intake-ack").get(0);

        assertThat(answer.getSubject()).matches("Re: Buget seminar \\[REL-\\d{4}-\\d{4}]");
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo(sent.getMessageID());
        assertThat(answer.getHeader("References", null)).contains(sent.getMessageID());
        assertThat(answer.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        String body = (String) answer.getContent();
        assertThat(body).contains("Bună ziua", "„Buget_seminar_Argeș.xlsx”: buget previzional", "seminarul nr. 1 (Argeș)");
        String reference = answer.getSubject().replaceAll(".*\\[(REL-[0-9-]+)].*", "$1");

        List<String> stored = jdbc.sql("select kind || ' ' || seminar_code || ' ' || file_name from document where reference = :r")
                .param("r", reference).query(String.class).list();
        assertThat(stored).containsExactly("budget_forecast S1-ARGES Buget_seminar_Argeș.xlsx");
        // the budget flow took the claim check off the budget queue and checked that very document
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from budget where reference = :r")
                .param("r", reference).query(Integer.class).single() == 1);
    }
}
