package org.relais.dossier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Text laid out on A4 pages in DejaVu Sans, embedded (the standard PDF fonts have neither ș, ț nor Cyrillic):
 * a title, headings, paragraphs wrapped to the width, and tables whose cells wrap; pages numbered at the end.
 * A character the font lacks (an emoji in a file name) is written as "?".
 */
final class PdfPages implements AutoCloseable {

    private static final float MARGIN = 50;
    private static final float TEXT_SIZE = 9.5f;
    private static final float LEADING = 1.35f;
    private static final PDRectangle FORMAT = PDRectangle.A4;
    private static final float WIDTH = FORMAT.getWidth() - 2 * MARGIN;

    private final PDDocument document = new PDDocument();
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private final String footer;
    private PDPageContentStream page;
    private float y;

    PdfPages(String title, String language, String footer) {
        this.footer = footer;
        try {
            regular = font("/fonts/DejaVuSans.ttf");
            bold = font("/fonts/DejaVuSans-Bold.ttf");
            PDDocumentInformation information = document.getDocumentInformation();
            information.setTitle(title);
            information.setCreator("Relais");
            document.getDocumentCatalog().setLanguage(language);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void title(String text) {
        write(text, bold, 15, 0, 6);
    }

    void heading(String text) {
        space(10);
        write(text, bold, 11.5f, 0, 3);
    }

    void paragraph(String text) {
        write(text, regular, TEXT_SIZE, 0, 2);
    }

    void bullet(String text) {
        write("•  " + text, regular, TEXT_SIZE, 10, 1);
    }

    /**
     * A table: {@code widths} are the columns' shares of the page's width; {@code numeric} columns are aligned right.
     * The headings are repeated at the top of each new page.
     */
    void table(List<String> headings, List<List<String>> rows, float[] widths, boolean[] numeric) {
        space(3);
        row(headings, widths, numeric, bold);
        for (List<String> row : rows) {
            if (!fits(lines(row, widths, regular))) {
                newPage();
                row(headings, widths, numeric, bold);
            }
            row(row, widths, numeric, regular);
        }
        space(4);
    }

    byte[] bytes() {
        try {
            closePage();
            int count = document.getNumberOfPages();
            for (int i = 0; i < count; i++) {
                PDPage numbered = document.getPage(i);
                try (PDPageContentStream stream = new PDPageContentStream(document, numbered,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    text(stream, printable(footer + " — " + (i + 1) + "/" + count), regular, 7.5f, MARGIN, MARGIN / 2);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            closePage();
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void row(List<String> cells, float[] widths, boolean[] numeric, PDType0Font font) {
        List<List<String>> lines = lines(cells, widths, font);
        int height = lines.stream().mapToInt(List::size).max().orElse(1);
        if (!fits(lines)) {
            newPage();
        }
        float x = MARGIN;
        for (int column = 0; column < cells.size(); column++) {
            float width = widths[column] * WIDTH;
            List<String> cell = lines.get(column);
            for (int line = 0; line < cell.size(); line++) {
                float textWidth = width(cell.get(line), font, TEXT_SIZE);
                float left = numeric[column] ? x + width - 4 - textWidth : x;
                text(cell.get(line), font, TEXT_SIZE, left, y - (line + 1) * TEXT_SIZE * LEADING);
            }
            x += width;
        }
        y -= height * TEXT_SIZE * LEADING + 2;
    }

    private List<List<String>> lines(List<String> cells, float[] widths, PDType0Font font) {
        List<List<String>> lines = new ArrayList<>();
        for (int column = 0; column < cells.size(); column++) {
            List<String> cell = new ArrayList<>();
            for (String paragraph : printable(cells.get(column)).split("\n", -1)) {
                cell.addAll(wrap(paragraph, font, TEXT_SIZE, widths[column] * WIDTH - 6));
            }
            lines.add(cell);
        }
        return lines;
    }

    private boolean fits(List<List<String>> lines) {
        int height = lines.stream().mapToInt(List::size).max().orElse(1);
        return page != null && y - height * TEXT_SIZE * LEADING > MARGIN;
    }

    private void write(String text, PDType0Font font, float size, float indent, float after) {
        for (String paragraph : printable(text).split("\n", -1)) {
            for (String line : wrap(paragraph, font, size, WIDTH - indent)) {
                if (page == null || y - size * LEADING < MARGIN) {
                    newPage();
                }
                y -= size * LEADING;
                text(line, font, size, MARGIN + indent, y);
            }
        }
        y -= after;
    }

    private void space(float points) {
        if (page != null) {
            y -= points;
        }
    }

    private void text(String text, PDType0Font font, float size, float x, float atY) {
        text(page, text, font, size, x, atY);
    }

    private static void text(PDPageContentStream stream, String text, PDType0Font font, float size, float x,
                             float atY) {
        try {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, atY);
            stream.showText(text);
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Words on lines no wider than {@code width}; a word longer than a line is cut. */
    private List<String> wrap(String text, PDType0Font font, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (width(word, font, size) > width && word.length() > 1) {
                int cut = word.length() - 1;
                while (cut > 1 && width(word.substring(0, cut), font, size) > width) {
                    cut--;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static float width(String text, PDType0Font font, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with tabs as spaces, other control characters dropped, and what the font cannot show as "?". */
    private String printable(String text) {
        StringBuilder out = new StringBuilder();
        (text == null ? "" : text).codePoints().forEach(codePoint -> {
            if (codePoint == '\n') {
                out.append('\n');
            } else if (codePoint == '\t') {
                out.append(' ');
            } else if (!Character.isISOControl(codePoint)) {
                out.append(printable.computeIfAbsent(codePoint, this::shows) ? Character.toString(codePoint) : "?");
            }
        });
        return out.toString();
    }

    private boolean shows(int codePoint) {
        String character = Character.toString(codePoint);
        try {
            regular.encode(character);
            bold.encode(character);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private void newPage() {
        try {
            closePage();
            PDPage next = new PDPage(FORMAT);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
            y = FORMAT.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closePage() throws IOException {
        if (page != null) {
            page.close();
            page = null;
        }
    }

    private PDType0Font font(String resource) throws IOException {
        try (InputStream in = PdfPages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("No font " + resource + " on the class path");
            }
            return PDType0Font.load(document, in);
        }
    }
}
