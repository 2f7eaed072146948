package org.relais.minutes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.relais.intake.MailParts;

/** The text of every format and charset partners send, read as written: paragraphs, letters, quotes. */
class TextExtractorTest {

    private static final LanguageIdentifier LANGUAGES = new LanguageIdentifier(TestMinutesProperties.defaults());
    private static final TextExtractor EXTRACTOR = new TextExtractor(TestMinutesProperties.defaults(), LANGUAGES);

    private static final String ROMANIAN_TITLE = "Proces-verbal al seminarului de la Argeș";
    private static final String BULGARIAN_TITLE = "Протокол от семинара във Варна";

    @Test
    void docxKeepsItsParagraphsAndRomanianLetters() throws Exception {
        String text = read("pv.docx", "docx", null, MinutesFiles.docx(ROMANIAN_TITLE, Sentences.ROMANIAN));

        assertThat(text).isEqualTo(ROMANIAN_TITLE + "\n" + Sentences.ROMANIAN);
    }

    @Test
    void odtHeadingParagraphsAndRepeatedSpacesAreRead() throws Exception {
        String text = read("protokol.odt", "odt", null,
                MinutesFiles.odt(BULGARIAN_TITLE, Sentences.BULGARIAN, "Присъстваха  45 участници."));

        assertThat(text).isEqualTo(BULGARIAN_TITLE + "\n" + Sentences.BULGARIAN + "\nПрисъстваха  45 участници.");
    }

    @Test
    void pdfWithAnEmbeddedFontGivesItsCyrillicAndRomanianText() throws Exception {
        String text = read("pv.pdf", "pdf", null, MinutesFiles.pdf(BULGARIAN_TITLE, "Județul Argeș, 14 septembrie"));

        assertThat(text).isEqualTo(BULGARIAN_TITLE + "\nJudețul Argeș, 14 septembrie");
    }

    @Test
    void rtfWithUnicodeEscapesAsWordWritesThem() throws Exception {
        String text = read("cr.rtf", "rtf", null, MinutesFiles.rtf(ROMANIAN_TITLE, "Compte rendu : été, çà, œuvre"));

        assertThat(text).isEqualTo(ROMANIAN_TITLE + "\nCompte rendu : été, çà, œuvre");
    }

    @Test
    void rtfInTheCyrillicCodePageOfOlderWriters() throws Exception {
        assertThat(read("protokol.rtf", "rtf", null, MinutesFiles.rtfWindows1251(BULGARIAN_TITLE)))
                .isEqualTo(BULGARIAN_TITLE);
    }

    @Test
    void plainTextInUtf8() throws Exception {
        byte[] bytes = (ROMANIAN_TITLE + "\n" + Sentences.ROMANIAN).getBytes(StandardCharsets.UTF_8);
        assertThat(read("pv.txt", "text", null, bytes)).isEqualTo(ROMANIAN_TITLE + "\n" + Sentences.ROMANIAN);
    }

    @Test
    void plainTextInWindows1251IsToldFromItsBytes() throws Exception {
        String original = BULGARIAN_TITLE + "\n" + Sentences.BULGARIAN;
        assertThat(read("protokol.txt", "text", null, original.getBytes(Charset.forName("windows-1251"))))
                .isEqualTo(original);
    }

    @Test
    void plainTextInWindows1250WithItsQuotesIsToldFromItsBytes() throws Exception {
        // windows-1250 and ISO-8859-2 have ş and ţ with a cedilla, not the comma below of Unicode's ș and ț
        String original = "„Proces-verbal” al seminarului de la Argeş\n" + Sentences.ROMANIAN.replace('ș', 'ş').replace('ț', 'ţ');
        assertThat(read("pv.txt", "text", null, original.getBytes(Charset.forName("windows-1250"))))
                .isEqualTo(original);
    }

    @Test
    void plainTextInIso8859_2IsToldFromItsBytes() throws Exception {
        String original = "Proces-verbal al seminarului de la Argeş\n" + Sentences.ROMANIAN.replace('ș', 'ş').replace('ț', 'ţ');
        assertThat(read("pv.txt", "text", null, original.getBytes(Charset.forName("ISO-8859-2"))))
                .isEqualTo(original);
    }

    @Test
    void frenchInWindows1252IsNotReadAsCentralEuropean() throws Exception {
        String french = Sentences.FRENCH.replace("Pitești", "Pitesti");
        assertThat(read("cr.txt", "text", null, french.getBytes(Charset.forName("windows-1252")))).isEqualTo(french);
    }

    @Test
    void aMailBodyIsReadInItsDeclaredCharset() throws Exception {
        MailParts.Part body = new MailParts.Part(1, 1, null, "text/plain", null, "ISO-8859-2",
                Sentences.ROMANIAN.replace('ș', 'ş').replace('ț', 'ţ').getBytes(Charset.forName("ISO-8859-2")));
        assertThat(EXTRACTOR.extract(body).text()).isEqualTo(Sentences.ROMANIAN.replace('ș', 'ş').replace('ț', 'ţ'));
    }

    @Test
    void anHtmlBodyKeepsItsParagraphsAndDropsItsMarkup() throws Exception {
        String html = "<html><head><style>p{color:red}</style></head><body><h1>" + BULGARIAN_TITLE + "</h1><p>"
                + Sentences.BULGARIAN + "</p><p>Присъстваха <b>45</b> участници.<br>Край.</p></body></html>";
        MailParts.Part body = new MailParts.Part(1, 1, null, "text/html", null, "UTF-8",
                html.getBytes(StandardCharsets.UTF_8));

        assertThat(EXTRACTOR.extract(body).text())
                .isEqualTo(BULGARIAN_TITLE + "\n" + Sentences.BULGARIAN + "\nПрисъстваха 45 участници.\nКрай.");
    }

    @Test
    void anHtmlFileInWindows1251WithoutDeclaredCharset() throws Exception {
        String html = "<html><body><p>" + Sentences.BULGARIAN + "</p></body></html>";
        assertThat(read("protokol.html", "html", null, html.getBytes(Charset.forName("windows-1251"))))
                .isEqualTo(Sentences.BULGARIAN);
    }

    @Test
    void aSpreadsheetIsNotTakenForMinutesText() {
        assertThatThrownBy(() -> read("buget.xlsx", "xlsx", null, new byte[] {1, 2, 3}))
                .isInstanceOf(UnreadableTextException.class)
                .satisfies(e -> assertThat(((UnreadableTextException) e).reason()).isEqualTo("unsupported"));
    }

    @Test
    void aDamagedFileIsReportedUnreadableNotThrownAtTheRoute() {
        assertThatThrownBy(() -> read("pv.docx", "docx", null, "not a zip at all".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableTextException.class)
                .satisfies(e -> assertThat(((UnreadableTextException) e).reason()).isEqualTo("corrupt"));
    }

    @Test
    void anOdtWhoseContentInflatesBeyondTheLimitIsRefused() {
        String huge = "<text:p>" + "a".repeat(3_000_000) + "</text:p>";
        TextExtractor small = new TextExtractor(TestMinutesProperties.withExtraction(
                new MinutesProperties.Extraction(100_000, Duration.ofSeconds(20), 10, 16L << 20, 1)), LANGUAGES);
        byte[] odt = MinutesFiles.zip("application/vnd.oasis.opendocument.text",
                "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                        + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
                        + huge + "</office:text></office:body></office:document-content>");

        assertThatThrownBy(() -> small.extract(part("bomb.odt", "odt", null, odt)))
                .isInstanceOf(UnreadableTextException.class)
                .hasMessageContaining("larger than");
    }

    @Test
    void aLongTextIsCutAtTheConfiguredNumberOfCharacters() throws Exception {
        TextExtractor small = new TextExtractor(TestMinutesProperties.withExtraction(
                new MinutesProperties.Extraction(1_000, Duration.ofSeconds(20), 10, 16L << 20, 1)), LANGUAGES);
        TextExtractor.ExtractedText text = small.extract(part("long.txt", "text", null,
                (Sentences.FRENCH + "\n").repeat(40).getBytes(StandardCharsets.UTF_8)));

        assertThat(text.truncated()).isTrue();
        assertThat(text.text()).hasSize(1_000);
    }

    @Test
    void anXmlEntityBombInAnOdtIsNotExpanded() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><office:document-content "
                + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><text:p>&c;</text:p></office:document-content>";
        assertThatThrownBy(() -> read("bomb.odt", "odt", null, MinutesFiles.zip("application/vnd.oasis.opendocument.text", bomb)))
                .isInstanceOf(UnreadableTextException.class);
    }

    private static String read(String fileName, String detectedType, String charset, byte[] content)
            throws UnreadableTextException {
        return EXTRACTOR.extract(part(fileName, detectedType, charset, content)).text();
    }

    private static MailParts.Part part(String fileName, String detectedType, String charset, byte[] content) {
        return new MailParts.Part(1, 1, fileName, "application/octet-stream", detectedType, charset, content);
    }
}
