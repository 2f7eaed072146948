package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** What the loop guard reads of a mail: when it was written, what it says, which mails it answers. */
class LoopFactsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void theSameMailSentAgainHasTheSameFingerprintWhateverItsDateIdAndBoundaries() throws Exception {
        MimeMessage first = mail("Re: Documente [REL-2026-0001]", "Sunt în concediu.", "factura.pdf", new byte[] {1, 2});
        MimeMessage again = mail("RE: Re: Documente [REL-2026-0002]", "Sunt în concediu.", "factura.pdf",
                new byte[] {1, 2});
        again.setSentDate(Date.from(NOW.plusSeconds(30)));

        assertThat(LoopFacts.fingerprint(asReceived(again))).isNotNull()
                .isEqualTo(LoopFacts.fingerprint(asReceived(first)));
    }

    @Test
    void anotherFileWithTheSameWordsIsAnotherMail() throws Exception {
        MimeMessage first = mail("Documente justificative", "Vă trimit documentul.", "factura-1.pdf", new byte[] {1});
        MimeMessage second = mail("Documente justificative", "Vă trimit documentul.", "factura-1.pdf", new byte[] {2});

        assertThat(LoopFacts.fingerprint(asReceived(second))).isNotNull()
                .isNotEqualTo(LoopFacts.fingerprint(asReceived(first)));
    }

    @Test
    void theCoreSubjectLeavesOutReplyPrefixesAndTrackingTagsInEveryLanguage() {
        assertThat(LoopFacts.coreSubject("Re: Răspuns: Отг: Buget  Argeș [REL-2026-0042]")).isEqualTo("buget argeș");
        assertThat(LoopFacts.coreSubject("AW: [REL-2026-0001] Re[2]: Budget")).isEqualTo("budget");
    }

    @Test
    void aMailIsWrittenWhenItsDateSaysUnlessThatIsMissingOrInTheFuture() throws Exception {
        MimeMessage dated = mail("Buget", "text", null, null);
        dated.setSentDate(Date.from(NOW.minus(Duration.ofMinutes(3))));
        MimeMessage future = mail("Buget", "text", null, null);
        future.setSentDate(Date.from(NOW.plus(Duration.ofDays(2))));
        MimeMessage undated = mail("Buget", "text", null, null);
        undated.removeHeader("Date");

        assertThat(LoopFacts.writtenAt(dated, NOW)).isEqualTo(NOW.minus(Duration.ofMinutes(3)));
        assertThat(LoopFacts.writtenAt(future, NOW)).isEqualTo(NOW);
        assertThat(LoopFacts.writtenAt(undated, NOW)).isEqualTo(NOW);
    }

    @Test
    void theAnsweredMailsAreThoseInReplyToAndReferencesName() throws Exception {
        MimeMessage reply = mail("Re: Buget", "text", null, null);
        reply.setHeader("In-Reply-To", "<intake-ack.1@relais.test>");
        reply.setHeader("References", "<partner.1@example.test>\r\n <intake-ack.1@relais.test>");

        assertThat(LoopFacts.answered(reply))
                .containsExactly("<intake-ack.1@relais.test>", "<partner.1@example.test>");
    }

    private static MimeMessage mail(String subject, String text, String fileName, byte[] file) throws Exception {
        MimeMessage message = new MimeMessage(MailParser.SESSION);
        message.setFrom("tulcea@relais.test");
        message.setSubject(subject, "UTF-8");
        message.setSentDate(Date.from(NOW));
        if (fileName == null) {
            message.setText(text, "UTF-8");
        } else {
            MimeMultipart multipart = new MimeMultipart();
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(file, "application/pdf")));
            attachment.setFileName(fileName);
            multipart.addBodyPart(body);
            multipart.addBodyPart(attachment);
            message.setContent(multipart);
        }
        message.saveChanges();
        return message;
    }

    /** The mail as the hub reads it: parsed from its bytes (each mail built here has MIME boundaries of its own). */
    private static MimeMessage asReceived(MimeMessage message) throws Exception {
        message.saveChanges();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return new MimeMessage(MailParser.SESSION, new ByteArrayInputStream(bytes.toByteArray()));
    }
}
