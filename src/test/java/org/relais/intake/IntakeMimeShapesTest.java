package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.support.Files;
import org.relais.support.HubTest;
import org.relais.support.RawMail;
import org.relais.support.Spreadsheets;
import org.springframework.beans.factory.annotation.Autowired;

/** The shapes real mail clients give a mail: every attachment is found and named exactly as sent. */
class IntakeMimeShapesTest extends HubTest {

    @Autowired
    MailParts mailParts;

    @Test
    void attachmentNamesInEncodedWordsAndRfc2231AreNamedExactlyAsSentInCyrillicAndRomanian() throws Exception {
        String bulgarianName = "Бюджет_Варна.xlsx";
        byte[] raw = RawMail.headers("varna@relais.test", RawMail.encodedWord("Бюджет за семинара"), "<names@varna.test>")
                .line("Content-Type: multipart/mixed; boundary=\"b1\"").line("")
                .textPart("b1", "text/plain; charset=UTF-8", "Здравейте, изпращаме бюджета и протокола.")
                .base64Part("b1", Spreadsheets.romanianForecast(),
                        "Content-Type: " + Spreadsheets.XLSX + "; name=\"" + RawMail.encodedWord(bulgarianName) + "\"",
                        "Content-Disposition: attachment; filename=\"" + RawMail.encodedWord(bulgarianName) + "\"")
                .base64Part("b1", Files.pdf("proces-verbal"),
                        "Content-Type: application/pdf",
                        "Content-Disposition: attachment; filename*0*=UTF-8''Proces-verbal%20seminar;",
                        " filename*1*=%20Arge%C8%99.pdf")
                .end("b1").bytes();

        mail().sendRaw("varna@relais.test", raw);

        String answer = (String) awaitMailsTo("varna@relais.test", 1).get(0).getContent();
        assertThat(answer).contains("Здравейте", "„Бюджет_Варна.xlsx“: прогнозен бюджет",
                "„Proces-verbal seminar Argeș.pdf“: протокол от семинар");
        assertThat(jdbc.sql("select file_name from mail_part where file_name is not null order by position")
                .query(String.class).list())
                .containsExactly(bulgarianName, "Proces-verbal seminar Argeș.pdf");
        assertThat(jdbc.sql("select subject from inbound_mail").query(String.class).single())
                .isEqualTo("Бюджет за семинара");
    }

    @Test
    void outlooksAlternativeNestedInMixedKeepsTheBodyOutOfTheAttachments() throws Exception {
        byte[] raw = RawMail.headers("neamt@relais.test", "Lista de prezenta seminar Neamt", "<outlook@neamt.test>")
                .line("Content-Type: multipart/mixed; boundary=\"mixed\"").line("")
                .outlookBody("mixed", "Vă trimitem lista de prezență.")
                .base64Part("mixed", Spreadsheets.attendanceSheet(),
                        "Content-Type: " + Spreadsheets.XLSX + "; name=\"prezenta.xlsx\"",
                        "Content-Disposition: attachment; filename=\"prezenta.xlsx\"")
                .end("mixed").bytes();

        mail().sendRaw("neamt@relais.test", raw);

        String answer = (String) awaitMailsTo("neamt@relais.test", 1).get(0).getContent();
        assertThat(answer).contains("„prezenta.xlsx”: listă de prezență").doesNotContain("textul mesajului");
        assertThat(jdbc.sql("select kind from mail_part order by position").query(String.class).list())
                .containsExactly("body", "body", "attendance");
    }

    @Test
    void aForwardedMessageGivesUpTheAttachmentInsideIt() throws Exception {
        byte[] inner = budgetMail("<inner@example.test>", Spreadsheets.romanianForecast());
        byte[] raw = RawMail.headers("tulcea@relais.test", "Fwd: Buget", "<forward@tulcea.test>")
                .line("Content-Type: multipart/mixed; boundary=\"out\"").line("")
                .textPart("out", "text/plain; charset=UTF-8", "Vă transmit mesajul de mai jos.")
                .line("--out").line("Content-Type: message/rfc822").line("Content-Disposition: inline").line("")
                .line(new String(inner, java.nio.charset.StandardCharsets.UTF_8))
                .end("out").bytes();

        mail().sendRaw("tulcea@relais.test", raw);

        List<MimeMessage> answers = awaitMailsTo("tulcea@relais.test", 1);
        // the spreadsheet's own title names Argeș: it outweighs the forwarding organiser's seminar
        assertThat((String) answers.get(0).getContent()).contains("„buget_initial.xlsx”: buget previzional",
                "seminarul nr. 1 (Argeș)");
        assertThat(jdbc.sql("select kind from document").query(String.class).list()).containsExactly("budget_forecast");
    }

    @Test
    void everyPartIsReadBackFromTheOriginalByteForByteAndNoneIsCopiedBesideIt() throws Exception {
        byte[] forecast = Spreadsheets.romanianForecast();
        byte[] minutes = Files.pdf("proces-verbal");
        byte[] inner = budgetMail("<inner-parts@example.test>", forecast);
        byte[] raw = RawMail.headers("tulcea@relais.test", "Fwd: Buget", "<forward-parts@tulcea.test>")
                .line("Content-Type: multipart/mixed; boundary=\"out\"").line("")
                .outlookBody("out", "Vă transmit mesajul și procesul-verbal.")
                .line("--out").line("Content-Type: message/rfc822").line("Content-Disposition: inline").line("")
                .line(new String(inner, java.nio.charset.StandardCharsets.UTF_8))
                .base64Part("out", minutes,
                        "Content-Type: application/pdf",
                        "Content-Disposition: attachment; filename*0*=UTF-8''Proces-verbal%20seminar;",
                        " filename*1*=%20Tulcea.pdf")
                .end("out").bytes();

        mail().sendRaw("tulcea@relais.test", raw);
        awaitMailsTo("tulcea@relais.test", 1);

        assertThat(jdbc.sql("select count(*) from mail_part where content is not null or not in_original")
                .query(Integer.class).single()).as("no part's bytes copied beside the original").isZero();
        List<MailParts.Part> parts = jdbc.sql("select id from mail_part order by position").query(Long.class).list()
                .stream().map(id -> mailParts.part(id).orElseThrow()).toList();
        assertThat(parts).extracting(MailParts.Part::fileName).containsExactly(null, null, null, "buget_initial.xlsx",
                "Proces-verbal seminar Tulcea.pdf");
        assertThat(parts.get(0).text()).isEqualTo("Vă transmit mesajul și procesul-verbal.");
        assertThat(parts.get(2).text()).isEqualTo("Bugetul seminarului.");
        assertThat(parts.get(3).content()).isEqualTo(forecast);
        assertThat(parts.get(4).content()).isEqualTo(minutes);
    }

    @Test
    void aMailWhoseBodyIsTheMinutesBecomesAMinutesDocument() throws Exception {
        mail().from("suivi-ro@relais.test").subject("Proces-verbal seminar Cahul")
                .text("Proces-verbal al seminarului de la Cahul. " + "Participanții au discutat analiza nevoilor. ".repeat(10))
                .send();

        String answer = (String) awaitMailsTo("suivi-ro@relais.test", 1).get(0).getContent();
        assertThat(answer).contains("„textul mesajului”: raport de seminar", "seminarul nr. 6 (Cahul)");
        assertThat(jdbc.sql("select flow from document").query(String.class).list()).containsExactly("minutes");
    }

    /** A town hall's mail with its budget attached, as a partner forwards it. */
    private static byte[] budgetMail(String messageId, byte[] forecast) {
        return RawMail.headers("primaria@example.test", "Buget", messageId)
                .line("Content-Type: multipart/mixed; boundary=\"in\"").line("")
                .textPart("in", "text/plain; charset=UTF-8", "Bugetul seminarului.")
                .base64Part("in", forecast,
                        "Content-Type: " + Spreadsheets.XLSX + "; name=\"buget_initial.xlsx\"",
                        "Content-Disposition: attachment; filename=\"buget_initial.xlsx\"")
                .end("in").bytes();
    }
}
