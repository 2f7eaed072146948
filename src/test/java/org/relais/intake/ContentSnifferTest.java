package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.tika.Tika;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The signatures tried before Tika's magic give the media type Tika gives, for files made by real writers. */
class ContentSnifferTest {

    private static final Tika TIKA = new Tika();

    @Test
    void aPdfWrittenByPdfBoxIsTypedAsTikaTypesIt() throws IOException {
        byte[] pdf;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            pdf = out.toByteArray();
        }

        assertThat(ContentSniffer.mediaType(pdf)).isEqualTo(TIKA.detect(pdf)).isEqualTo("application/pdf");
        assertThat(ContentSniffer.sniff(pdf).type()).isEqualTo(FileType.PDF);
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "gif"})
    void aPictureWrittenByImageIoIsTypedAsTikaTypesIt(String format) throws IOException {
        BufferedImage scan = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        scan.setRGB(3, 4, 0xff8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(scan, format, out)).isTrue();
        byte[] picture = out.toByteArray();

        assertThat(ContentSniffer.mediaType(picture)).isEqualTo(TIKA.detect(picture)).isEqualTo("image/" + format);
        assertThat(ContentSniffer.sniff(picture).type()).isEqualTo(FileType.IMAGE);
    }

    @Test
    void aSignatureFurtherInIsLeftToTika() {
        byte[] text = "Bonjour, voici le fichier %PDF- demandé.\n".getBytes(StandardCharsets.UTF_8);

        assertThat(ContentSniffer.mediaType(text)).isEqualTo(TIKA.detect(text)).startsWith("text/");
    }
}
