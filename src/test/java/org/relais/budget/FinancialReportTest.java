package org.relais.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.support.Files;
import org.relais.support.HubTest;
import org.relais.support.Spreadsheets;

/** A financial report is compared with the forecast and checked for supporting documents, sent now or later. */
class FinancialReportTest extends HubTest {

    private static final String[][] REPORT = {
            {"Raport financiar — Seminarul de la Argeș — sume în RON"},
            {},
            {"", "", "Cheltuieli", "", "Venituri", ""},
            {"", "", "Numerar", "În natură", "Numerar", "În natură"},
            {"", "Cheltuieli de transport ale participanților", "1200", "0", "1200", "0"},
            {"", "Cazare", "3200", "0", "3200", "0"},
            {"", "Masă", "1850", "0", "1850", "0"},
            {"", "Traducere", "600", "400", "600", "400"},
            {"", "Comunicare", "300", "0", "300", "0"},
            {"", "Închiriere săli", "500", "0", "500", "0"},
            {"", "Timp de lucru", "0", "1500", "0", "1500"},
            {"", "Total", "7650", "1900", "7650", "1900"}};

    @Test
    void theReportIsComparedWithTheForecastAndMissingReceiptsAreListedUntilTheyArrive() throws Exception {
        mail().from("arges@relais.test").subject("Buget previzional")
                .attach("buget.xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX).send();
        await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo("arges@relais.test", "budget-verdict").isEmpty());

        mail().from("arges@relais.test").subject("Raport financiar seminar")
                .attach("raport_financiar.xlsx", Spreadsheets.workbook("Raport", REPORT), Spreadsheets.XLSX)
                .attach("factura_hotel.pdf", Files.pdf("hotel"), "application/pdf")
                .attach("bilete_tren.pdf", Files.pdf("tren"), "application/pdf")
                .attach("scan.png", Files.png(), "image/png")
                .send();

        MimeMessage answer = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo("arges@relais.test", "budget-report"), l -> !l.isEmpty()).get(0);
        String text = (String) answer.getContent();
        assertThat(text).contains("⚠ Cazare, cheltuieli numerar (Raport!C6): 2.500,00 → 3.200,00 (28 %)",
                        "Masă, cheltuieli numerar (Raport!C7): 1.800,00 → 1.850,00 (3 %)",
                        "Cazare: factura_hotel.pdf", "Cheltuieli de transport ale participanților: bilete_tren.pdf",
                        "scan.png", "Masă (1.850,00)", "Traducere (600,00)")
                .doesNotContain("⚠ Masă");
        String reference = answer.getSubject().replaceAll(".*\\[(REL-[0-9-]+)].*", "$1");
        assertThat(jdbc.sql("select kind || ' ' || (compared_with is not null) from budget where reference = :r")
                .param("r", reference).query(String.class).single()).isEqualTo("financial_report true");

        mail().from("arges@relais.test").subject("Re: justificative [" + reference + "]")
                .attach("chitanta_restaurant.pdf", Files.pdf("masa"), "application/pdf").send();

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("arges@relais.test", "budget-report").size() == 2);
        List<MimeMessage> answers = mailsTo("arges@relais.test", "budget-report");
        String update = (String) answers.get(1).getContent();
        assertThat(update).contains("chitanta_restaurant.pdf", "Masă: chitanta_restaurant.pdf", "Traducere (600,00)")
                .doesNotContain("Masă (1.850,00)");
    }
}
