package org.relais.minutes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.swing.text.BadLocationException;
import javax.swing.text.DefaultStyledDocument;
import javax.swing.text.rtf.RTFEditorKit;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The text of each format, with the ecosystem's readers: POI for .docx and .doc, PDFBox for .pdf, the JDK's
 * StAX parser for .odt (no DTD, no external entity) and its RTF reader for .rtf, jsoup for HTML. Paragraphs stay on
 * their own lines, so that a translator gets the text as written.
 */
final class DocumentText {

    private static final Set<String> HTML_BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5",
            "h6", "table", "ul", "ol", "blockquote", "pre", "section", "article", "header", "footer", "title");
    private static final String ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    private DocumentText() {
    }

    static String docx(byte[] content) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }

    static String doc(byte[] content) throws IOException {
        try (WordExtractor extractor = new WordExtractor(new ByteArrayInputStream(content))) {
            return extractor.getText();
        }
    }

    static String pdf(byte[] content, int maxPages, long maxMemoryBytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(content), "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(maxMemoryBytes).streamCache)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setEndPage(Math.min(document.getNumberOfPages(), maxPages));
            return stripper.getText(document);
        }
    }

    static String rtf(byte[] content) throws IOException {
        RTFEditorKit kit = new RTFEditorKit();
        DefaultStyledDocument document = new DefaultStyledDocument();
        try {
            kit.read(new ByteArrayInputStream(content), document, 0);
            return document.getText(0, document.getLength());
        } catch (BadLocationException e) {
            throw new IOException("RTF: " + e.getMessage(), e);
        }
    }

    /** content.xml of an OpenDocument text, read to at most {@code maxBytes} (a zip bomb stops there). */
    static String odt(byte[] content, long maxBytes) throws IOException, XMLStreamException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("content.xml")) {
                    return odfContent(new ByteArrayInputStream(bounded(zip, maxBytes)));
                }
            }
        }
        throw new IOException("no content.xml: not an OpenDocument text");
    }

    private static String odfContent(InputStream xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        XMLStreamReader reader = factory.createXMLStreamReader(xml, StandardCharsets.UTF_8.name());
        StringBuilder text = new StringBuilder();
        int notes = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            boolean odfText = (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT)
                    && ODF_TEXT.equals(reader.getNamespaceURI());
            if (event == XMLStreamConstants.START_ELEMENT && odfText) {
                switch (reader.getLocalName()) {
                    case "s" -> text.append(" ".repeat(spaces(reader.getAttributeValue(ODF_TEXT, "c"))));
                    case "tab" -> text.append('\t');
                    case "line-break" -> text.append('\n');
                    case "tracked-changes", "note-citation" -> notes++;
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && odfText) {
                switch (reader.getLocalName()) {
                    case "p", "h" -> text.append('\n');
                    case "tracked-changes", "note-citation" -> notes--;
                    default -> { }
                }
            } else if (event == XMLStreamConstants.CHARACTERS && notes == 0) {
                text.append(reader.getText());
            }
        }
        return text.toString();
    }

    static String html(String markup) {
        Element body = Jsoup.parse(markup).body();
        StringBuilder text = new StringBuilder();
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text());
                } else if (node instanceof Element element && HTML_BLOCKS.contains(element.normalName())) {
                    newLine(text);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && HTML_BLOCKS.contains(element.normalName())) {
                    newLine(text);
                }
            }
        });
        return text.toString();
    }

    private static void newLine(StringBuilder text) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }

    private static int spaces(String count) {
        try {
            return count == null ? 1 : Math.max(1, Math.min(Integer.parseInt(count), 1000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static byte[] bounded(InputStream in, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new IOException("content.xml is larger than " + maxBytes + " bytes");
        }
        return bytes;
    }
}
