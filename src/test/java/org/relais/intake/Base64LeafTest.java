package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.relais.support.RawMail;

class Base64LeafTest {

    private static final MailParser PARSER = new MailParser(50, 20 << 20);

    @Test
    void anAttachmentIsDecodedToTheBytesJavaMailReads() throws Exception {
        byte[] pdf = new byte[100_000];
        new Random(7).nextBytes(pdf);
        MimeMessage mail = mailWith("Content-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(pdf));

        Part attachment = attachmentOf(mail);

        assertThat(Base64Leaf.decoded(attachment)).hasValue(pdf);
        assertThat(readByJavaMail(attachment)).isEqualTo(pdf);
        assertThat(PARSER.parse(mail).parts().get(1).content()).isEqualTo(pdf);
        assertThat(MailParser.contentAt(mail, 1)).isEqualTo(pdf);
    }

    @Test
    void aMailThatIsOneBase64PartIsDecodedToo() throws Exception {
        byte[] pdf = "%PDF-1.4 a one-part mail".getBytes();
        MimeMessage mail = MailParser.headersAndBody(new ByteArraySharedStream(
                RawMail.headers("arges@relais.test", "Factura", "<one@arges.test>")
                        .line("Content-Type: application/pdf; name=\"factura.pdf\"")
                        .line("Content-Transfer-Encoding: base64").line("")
                        .line(java.util.Base64.getMimeEncoder().encodeToString(pdf)).bytes()));

        assertThat(Base64Leaf.decoded(mail)).hasValue(pdf);
    }

    @ParameterizedTest
    @ValueSource(strings = {"QQ==\r\nQUI=", "QUI=\r\nQUJD"})
    void anEncodingTheJdkRefusesIsLeftToJavaMailAsBefore(String encoded) throws Exception {
        // two encoded blocks one after the other: the JDK's decoder refuses data after the padding
        MimeMessage mail = mailWith("Content-Transfer-Encoding: base64\r\n\r\n" + encoded);

        Part attachment = attachmentOf(mail);

        assertThat(Base64Leaf.decoded(attachment)).isEmpty();
        assertThat(PARSER.parse(mail).parts().get(1).content()).isEqualTo(readByJavaMail(attachmentOf(mail)));
    }

    @Test
    void aLastGroupWithoutItsPaddingIsDecodedWhereJavaMailRefusedIt() throws Exception {
        // "QUI" is "AB" without its "=": the padding adds nothing a decoder needs
        MimeMessage mail = mailWith("Content-Transfer-Encoding: base64\r\n\r\nQUI");

        assertThat(Base64Leaf.decoded(attachmentOf(mail))).hasValue("AB".getBytes());
        assertThat(PARSER.parse(mail).parts().get(1).content()).isEqualTo("AB".getBytes());
        assertThatThrownBy(() -> readByJavaMail(attachmentOf(mail))).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aPartNotInBase64IsLeftToJavaMail() throws Exception {
        MimeMessage mail = mailWith("Content-Transfer-Encoding: quoted-printable\r\n\r\nsum=3D 12");

        assertThat(Base64Leaf.decoded(attachmentOf(mail))).isEmpty();
        assertThat(PARSER.parse(mail).parts().get(1).content()).isEqualTo("sum= 12".getBytes());
    }

    @Test
    void aPartLargerThanTheBoundIsLeftToJavaMailsStream() throws Exception {
        byte[] large = new byte[Base64Leaf.MAX_ENCODED_BYTES];
        MimeMessage mail = mailWith("Content-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(large));

        assertThat(Base64Leaf.decoded(attachmentOf(mail))).isEmpty();
        assertThat(PARSER.parse(mail).parts().get(1).size()).isEqualTo(large.length);
    }

    @Test
    void ofAPdfOnlyItsFirstBytesAreDecodedAndItsSizeIsCounted() throws Exception {
        byte[] pdf = scannedReceipt();
        MimeMessage mail = mailWith("Content-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(pdf));

        LeafPart attachment = PARSER.parse(mail).parts().get(1);

        assertThat(pdf.length).isGreaterThan(ContentSniffer.HEAD_BYTES);
        assertThat(attachment.content()).isEqualTo(Arrays.copyOf(pdf, ContentSniffer.HEAD_BYTES));
        assertThat(attachment.size()).isEqualTo(pdf.length);
        assertThat(attachment.truncated()).isFalse();
        assertThat(new PartInspector(null).inspect(attachment).type()).isEqualTo(FileType.PDF);
        assertThat(MailParser.contentAt(mail, 1)).isEqualTo(pdf);
    }

    @ParameterizedTest
    @ValueSource(ints = {99_999, 100_000, 100_001})
    void theSizeCountedIsTheSizeDecodedWhateverTheLastGroupsPadding(int length) throws Exception {
        byte[] pdf = Arrays.copyOf("%PDF-1.7\n".getBytes(), length);
        MimeMessage mail = mailWith("Content-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(pdf));

        assertThat(PARSER.parse(mail).parts().get(1).size()).isEqualTo(length)
                .isEqualTo(readByJavaMail(attachmentOf(mail)).length);
    }

    @ParameterizedTest
    @ValueSource(ints = {1_000, 16_384, 100_000})
    void theFirstBytesDecodedFromTheRawPrefixAreTheOnesJavaMailReads(int length) throws Exception {
        byte[] pdf = new byte[length];
        new Random(length).nextBytes(pdf);
        MimeMessage mail = mailWith("Content-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(pdf));

        try (InputStream javaMail = attachmentOf(mail).getInputStream()) {
            assertThat(Base64Leaf.firstBytes(attachmentOf(mail), 16_384)).hasValue(javaMail.readNBytes(16_384));
        }
    }

    @Test
    void theCountAgreesWithTheJdkOnEveryEncodingItTakesAndTakesEveryEncodingTheJdkTakes() throws Exception {
        Random random = new Random(11);
        String[] pieces = {"QUJD", "QQ", "QUI", "=", "==", "\r\n", " ", ".", "\t", "Zm9v", "-", "/+9a"};
        for (int i = 0; i < 1_000; i++) {
            StringBuilder encoded = new StringBuilder();
            for (int n = random.nextInt(8); n >= 0; n--) {
                encoded.append(pieces[random.nextInt(pieces.length)]);
            }
            MimeMessage mail = mailWith("Content-Transfer-Encoding: base64\r\n\r\n" + encoded);
            Optional<Base64Leaf> leaf = Base64Leaf.of(attachmentOf(mail));
            byte[] jdk;
            try {
                jdk = java.util.Base64.getMimeDecoder().decode(rawOf(attachmentOf(mail)));
            } catch (IllegalArgumentException e) {
                jdk = null;
            }

            if (jdk != null) {
                assertThat(leaf).as(encoded.toString()).isPresent();
                assertThat(leaf.get().size()).as(encoded.toString()).isEqualTo(jdk.length);
            }
            if (leaf.isPresent() && leaf.get().decoded().isPresent()) {
                assertThat(leaf.get().decoded().get()).as(encoded.toString()).isEqualTo(jdk);
            }
        }
    }

    @Test
    void anAttachmentOverThePartLimitIsCountedWithoutBeingDecoded() throws Exception {
        byte[] pdf = scannedReceipt();
        MimeMessage mail = mailWith("Content-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(pdf));

        LeafPart attachment = new MailParser(50, 1_000).parse(mail).parts().get(1);

        assertThat(attachment.truncated()).isTrue();
        assertThat(attachment.content()).isEmpty();
        assertThat(attachment.size()).isEqualTo(pdf.length);
    }

    /** A scanned receipt as PDFBox writes it: a page with a picture of noise, larger than the first bytes kept. */
    private static byte[] scannedReceipt() throws Exception {
        BufferedImage scan = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        Random noise = new Random(3);
        for (int x = 0; x < 100; x++) {
            for (int y = 0; y < 100; y++) {
                scan.setRGB(x, y, noise.nextInt());
            }
        }
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(LosslessFactory.createFromImage(document, scan), 50, 50);
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static MimeMessage mailWith(String attachmentHeadersAndBody) throws Exception {
        byte[] raw = RawMail.headers("arges@relais.test", "Factura", "<mixed@arges.test>")
                .line("Content-Type: multipart/mixed; boundary=\"b\"").line("")
                .textPart("b", "text/plain; charset=UTF-8", "Vă trimit factura.")
                .line("--b").line("Content-Type: application/pdf; name=\"factura.pdf\"")
                .line(attachmentHeadersAndBody)
                .end("b").bytes();
        return MailParser.headersAndBody(new ByteArraySharedStream(raw));
    }

    private static Part attachmentOf(MimeMessage mail) throws Exception {
        return ((Multipart) mail.getContent()).getBodyPart(1);
    }

    private static byte[] rawOf(Part part) throws Exception {
        try (InputStream in = ((jakarta.mail.internet.MimeBodyPart) part).getRawInputStream()) {
            return in.readAllBytes();
        }
    }

    private static byte[] readByJavaMail(Part part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
