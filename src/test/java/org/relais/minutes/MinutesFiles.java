package org.relais.minutes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Minutes files as partners' word processors write them, made in code. */
public final class MinutesFiles {

    private MinutesFiles() {
    }

    public static byte[] docx(String... paragraphs) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String paragraph : paragraphs) {
                document.createParagraph().createRun().setText(paragraph);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An OpenDocument text: the mimetype entry first and stored, content.xml with paragraphs and a heading. */
    public static byte[] odt(String heading, String... paragraphs) {
        StringBuilder body = new StringBuilder("<text:h text:outline-level=\"1\">").append(xml(heading)).append("</text:h>");
        for (String paragraph : paragraphs) {
            body.append("<text:p>").append(xml(paragraph).replace("  ", " <text:s/>")).append("</text:p>");
        }
        String content = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
                  <office:body><office:text>%s</office:text></office:body>
                </office:document-content>
                """.formatted(body);
        return zip("application/vnd.oasis.opendocument.text", content);
    }

    public static byte[] zip(String mimetype, String contentXml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] type = mimetype.getBytes(StandardCharsets.US_ASCII);
            ZipEntry entry = new ZipEntry("mimetype");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(type.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(type);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(type);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(contentXml.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF whose text is drawn with an embedded font covering Romanian and Cyrillic letters (PDFBox's own). */
    public static byte[] pdf(String... lines) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream();
             InputStream font = PDDocument.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDType0Font liberation = PDType0Font.load(document, font);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(liberation, 11);
                text.setLeading(16);
                text.newLineAtOffset(50, 720);
                for (String line : lines) {
                    text.showText(line);
                    text.newLine();
                }
                text.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RTF as Word writes it: \\uN escapes for every non-ASCII letter, with a ? fallback. */
    public static byte[] rtf(String... paragraphs) {
        StringBuilder rtf = new StringBuilder("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss\\fcharset0 Arial;}}\\uc1\\f0\\fs22 ");
        for (String paragraph : paragraphs) {
            for (char c : paragraph.toCharArray()) {
                if (c < 128) {
                    rtf.append(c == '\\' || c == '{' || c == '}' ? "\\" + c : String.valueOf(c));
                } else {
                    rtf.append("\\u").append((int) (short) c).append('?');
                }
            }
            rtf.append("\\par\n");
        }
        return rtf.append('}').toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** RTF of an older writer: the Cyrillic code page declared on the font, letters as \\'xx bytes. */
    public static byte[] rtfWindows1251(String paragraph) {
        StringBuilder rtf = new StringBuilder("{\\rtf1\\ansi\\ansicpg1251\\deff0{\\fonttbl{\\f0\\fnil\\fcharset204 Times New Roman;}}\\f0 ");
        for (byte b : paragraph.getBytes(java.nio.charset.Charset.forName("windows-1251"))) {
            int value = b & 0xFF;
            rtf.append(value < 128 ? String.valueOf((char) value) : "\\'" + Integer.toHexString(value));
        }
        return rtf.append("\\par}").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
