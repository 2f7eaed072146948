package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
        byte[] pdf = pdf();

        assertThat(ContentSniffer.mediaType(pdf)).isEqualTo(TIKA.detect(pdf)).isEqualTo("application/pdf");
        assertThat(ContentSniffer.sniff(pdf).type()).isEqualTo(FileType.PDF);
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "gif"})
    void aPictureWrittenByImageIoIsTypedAsTikaTypesIt(String format) throws IOException {
        byte[] picture = picture(format);

        assertThat(ContentSniffer.mediaType(picture)).isEqualTo(TIKA.detect(picture)).isEqualTo("image/" + format);
        assertThat(ContentSniffer.sniff(picture).type()).isEqualTo(FileType.IMAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pdf", "png", "jpeg", "gif"})
    void theFirstBytesOfAPdfOrAPictureAreSniffedAsTheWholeFile(String format) throws IOException {
        byte[] file = format.equals("pdf") ? pdf() : picture(format);
        byte[] head = Arrays.copyOf(file, Math.min(file.length, ContentSniffer.HEAD_BYTES));

        assertThat(ContentSniffer.toldByItsHead(head)).isTrue();
        assertThat(ContentSniffer.sniff(head)).isEqualTo(ContentSniffer.sniff(file));
    }

    @Test
    void theFirstBytesOfAZipDoNotTellWhatItIs() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(ContentSniffer.toldByItsHead(out.toByteArray())).isFalse();
        assertThat(ContentSniffer.sniff(out.toByteArray()).type()).isEqualTo(FileType.XLSX);
    }

    @Test
    void aSignatureFurtherInIsLeftToTika() {
        byte[] text = "Bonjour, voici le fichier %PDF- demandé.\n".getBytes(StandardCharsets.UTF_8);

        assertThat(ContentSniffer.mediaType(text)).isEqualTo(TIKA.detect(text)).startsWith("text/");
    }

    private static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] picture(String format) throws IOException {
        BufferedImage scan = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        scan.setRGB(3, 4, 0xff8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(scan, format, out)).isTrue();
        return out.toByteArray();
    }
}
