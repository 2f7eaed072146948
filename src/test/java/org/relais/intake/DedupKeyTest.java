package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.relais.support.Files;
import org.relais.support.HubTest;

/**
 * The key PostgreSQL computes as it stores a mail is the one intake always used: SHA-256 of the author's headers
 * ("Name:value" lines) followed by the body, so that a mail stored before the key moved into the database is
 * recognised when it is fetched again.
 */
class DedupKeyTest extends HubTest {

    private static final String[] AUTHOR_HEADERS = {"From", "To", "Cc", "Subject", "Date", "Message-ID",
            "Content-Type"};

    @Test
    void theStoredKeyIsTheSha256OfTheAuthorsHeadersAndTheBody() throws Exception {
        mail().from("varna@relais.test").subject("Отчет за семинара").messageId("<key@varna.test>")
                .attach("отчет.pdf", Files.pdf("разходи"), "application/pdf").send();

        byte[] raw = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "select raw from inbound_mail where message_id = '<key@varna.test>'")
                .query(byte[].class).optional().orElse(null), stored -> stored != null);
        String key = jdbc.sql("select dedup_key from inbound_mail where message_id = '<key@varna.test>'")
                .query(String.class).single();

        assertThat(key).isEqualTo(sha256OfAuthorHeadersAndBody(raw));
    }

    /** The key as intake computed it in Java until PostgreSQL took over. */
    private static String sha256OfAuthorHeadersAndBody(byte[] raw) throws Exception {
        MimeMessage headers = MailParser.headersAndBody(new ByteArrayInputStream(raw));
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String name : AUTHOR_HEADERS) {
            String value = headers.getHeader(name, "\n");
            digest.update((name + ":" + (value == null ? "" : value.strip()) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int blank = text.indexOf("\r\n\r\n");
        digest.update(Arrays.copyOfRange(raw, blank + 4, raw.length));
        return HexFormat.of().formatHex(digest.digest());
    }
}
