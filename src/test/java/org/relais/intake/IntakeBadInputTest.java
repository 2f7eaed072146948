package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relais.support.Files;
import org.relais.support.HubTest;
import org.relais.support.RawMail;
import org.relais.support.Spreadsheets;

/** Every kind of bad input gets a clear answer naming the file and the reason; the original is kept. */
class IntakeBadInputTest extends HubTest {

    @Test
    void eachRefusedAttachmentIsNamedWithItsReasonAndTheOriginalIsKept() throws Exception {
        byte[] budget = Spreadsheets.romanianForecast();
        mail().from("neamt@relais.test").subject("Documente seminar")
                .attach("program.exe", Files.windowsExecutable(), "application/octet-stream")
                .attach("documente.zip", Files.zip("a.txt", "text".getBytes()), "application/zip")
                .attach("gol.pdf", new byte[0], "application/pdf")
                .attach("Buget.xlsx", Files.pdf("not a workbook"), Spreadsheets.XLSX)
                .attach("mare.pdf", Files.pdf("x".repeat(2_200_000)), "application/pdf")
                .attach("protejat.xlsx", Files.passwordProtected(budget), Spreadsheets.XLSX)
                .attach("Buget.xlsm", Files.withMacros(budget), "application/vnd.ms-excel.sheet.macroEnabled.12")
                .send();

        String answer = (String) awaitMailsTo("neamt@relais.test", 1).get(0).getContent();

        assertThat(answer).contains(
                "„program.exe”: respins: programele și scripturile nu sunt acceptate",
                "„documente.zip”: respins: arhivele",
                "„gol.pdf”: respins: fișierul este gol",
                "„Buget.xlsx”: respins: conținutul fișierului nu corespunde extensiei sale",
                "„mare.pdf”: respins: fișierul depășește dimensiunea maximă de 2 MB",
                "„protejat.xlsx”: respins: fișierul este protejat cu parolă",
                "„Buget.xlsm”: respins: registrul conține macrocomenzi");
        assertThat(jdbc.sql("select file_name || '=' || rejection from mail_part where rejection is not null")
                .query(String.class).list())
                .containsExactlyInAnyOrder("program.exe=executable", "documente.zip=archive", "gol.pdf=empty",
                        "Buget.xlsx=mismatch", "mare.pdf=too_large", "protejat.xlsx=encrypted", "Buget.xlsm=macro");
        assertThat(jdbc.sql("select count(*) from document").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select octet_length(raw) from inbound_mail").query(Integer.class).single())
                .isGreaterThan(2_200_000);
    }

    @Test
    void aMalformedMailIsAnsweredWithTheReasonInTheSendersWordsAndKept() throws Exception {
        byte[] raw = RawMail.headers("cahul@relais.test", "Raport", "<broken@cahul.test>")
                .line("Content-Type: multipart/mixed").line("")
                .line("Aici ar fi trebuit să fie un fișier atașat, dar clientul a uitat limitele.")
                .bytes();

        mail().sendRaw("cahul@relais.test", raw);

        String answer = (String) awaitMailsTo("cahul@relais.test", 1).get(0).getContent();
        assertThat(answer).contains("nu l-a putut citi: structura sa este deteriorată.", "REL-")
                .as("the parser's own message is for the coordinators").doesNotContain("boundary");
        assertThat(jdbc.sql("select state from inbound_mail").query(String.class).single()).isEqualTo("malformed");
        String kept = new String(jdbc.sql("select raw from inbound_mail").query(byte[].class).single(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(kept).contains("Message-ID: <broken@cahul.test>", "dar clientul a uitat limitele");
    }
}
