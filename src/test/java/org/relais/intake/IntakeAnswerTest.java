package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.TextMessage;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;
import org.relais.support.Spreadsheets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

class IntakeAnswerTest extends HubTest {

    @Autowired
    JmsTemplate jms;

    @Test
    void partnersBudgetIsAnsweredInItsLanguageThreadedWithAReferenceAndQueued() throws Exception {
        MimeMessage sent = mail().from("arges@relais.test").subject("Buget seminar")
                .attach("Buget_seminar_Argeș.xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX)
                .send();

        MimeMessage answer = awaitMailsTo("arges@relais.test", 1).get(0);

        assertThat(answer.getSubject()).matches("Re: Buget seminar \\[REL-\\d{4}-\\d{4}]");
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo(sent.getMessageID());
        assertThat(answer.getHeader("References", null)).contains(sent.getMessageID());
        assertThat(answer.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        String body = (String) answer.getContent();
        assertThat(body).contains("Bună ziua", "„Buget_seminar_Argeș.xlsx”: buget previzional", "seminarul nr. 1 (Argeș)");
        String reference = answer.getSubject().replaceAll(".*\\[(REL-[0-9-]+)].*", "$1");

        jms.setReceiveTimeout(10_000);
        TextMessage queued = (TextMessage) jms.receiveSelected("budget", "relaisReference = '" + reference + "'");
        assertThat(queued).isNotNull();
        assertThat(queued.getText()).contains("\"kind\":\"budget_forecast\"", "\"seminar\":\"S1-ARGES\"",
                "\"fileName\":\"Buget_seminar_Argeș.xlsx\"").doesNotContain("UEsDB");
        List<String> stored = jdbc.sql("select kind from document where reference = :r").param("r", reference)
                .query(String.class).list();
        assertThat(stored).containsExactly("budget_forecast");
    }
}
