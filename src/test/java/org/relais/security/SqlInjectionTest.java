package org.relais.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.support.ConsoleClient;
import org.relais.support.HubTest;
import org.relais.support.Spreadsheets;
import org.springframework.boot.test.web.server.LocalServerPort;

/** SQL in a mail or a console search is kept and shown as the text it is; every table stays as it was. */
class SqlInjectionTest extends HubTest {

    private static final String DROP = "'); drop table inbound_mail; --";
    private static final String DROP_SHOWN = "&#39;); drop table inbound_mail; --";

    @LocalServerPort
    int port;

    @Test
    void sqlInASubjectAFileNameAndASenderNameIsKeptAndShownVerbatim() throws Exception {
        int contacts = count("contact");
        mail().from(new InternetAddress("arges@relais.test", DROP, "UTF-8").toString()).subject(DROP + " Buget")
                .attach(DROP + ".xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX).send();

        List<MimeMessage> answers = awaitMailsTo("arges@relais.test", 2);

        assertThat(answers).extracting(MimeMessage::getSubject).allSatisfy(subject -> assertThat(subject).contains(DROP));
        assertThat(jdbc.sql("select file_name from document").query(String.class).single()).isEqualTo(DROP + ".xlsx");
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");
        String reference = jdbc.sql("select reference from document").query(String.class).single();
        assertThat(coordinator.get("/documents/" + reference).body()).contains(DROP_SHOWN + " Buget", DROP_SHOWN + ".xlsx");
        assertThat(coordinator.get("/documents?search=" + encode(DROP)).body()).contains("data-reference=\"" + reference);
        MimeMessage original = new MimeMessage(null,
                new ByteArrayInputStream(coordinator.getBytes("/documents/" + reference + "/original.eml").body()));
        assertThat(((InternetAddress) original.getFrom()[0]).getPersonal()).isEqualTo(DROP);
        assertThat(count("inbound_mail")).isEqualTo(1);
        assertThat(count("document")).isEqualTo(1);
        assertThat(count("contact")).isEqualTo(contacts);
    }

    @Test
    void quotesInTheConsolesSearchesAndFiltersMatchOnlyThemselves() {
        mail().from("arges@relais.test").subject("Buget")
                .attach("buget.xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX).send();
        awaitMailsTo("arges@relais.test", 2);
        String reference = jdbc.sql("select reference from document").query(String.class).single();
        int contacts = count("contact");
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");
        String always = "' or '1'='1";

        for (String filter : List.of("search", "kind", "seminar", "state", "language")) {
            var page = coordinator.get("/documents?" + filter + "=" + encode(always));
            assertThat(page.statusCode()).as(filter).isEqualTo(200);
            assertThat(page.body()).as(filter).doesNotContain("data-reference=\"" + reference);
            assertThat(coordinator.get("/api/documents?" + filter + "=" + encode(DROP)).body()).as(filter)
                    .isEqualTo("[]");
        }
        assertThat(coordinator.get("/documents?seminar=" + encode("S1-ARGES' --")).body())
                .doesNotContain("data-reference=\"" + reference);
        assertThat(coordinator.get("/directory?q=" + encode(always)).body()).doesNotContain("arges@relais.test");
        assertThat(coordinator.get("/directory?q=" + encode(DROP)).statusCode()).isEqualTo(200);
        assertThat(coordinator.get("/documents").body()).contains("data-reference=\"" + reference);
        assertThat(count("inbound_mail")).isEqualTo(1);
        assertThat(count("document")).isEqualTo(1);
        assertThat(count("contact")).isEqualTo(contacts);
    }

    private int count(String table) {
        // the table names are this class's constants, not input
        return switch (table) {
            case "inbound_mail" -> jdbc.sql("select count(*) from inbound_mail").query(Integer.class).single();
            case "document" -> jdbc.sql("select count(*) from document").query(Integer.class).single();
            case "contact" -> jdbc.sql("select count(*) from contact").query(Integer.class).single();
            default -> throw new IllegalArgumentException(table);
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
