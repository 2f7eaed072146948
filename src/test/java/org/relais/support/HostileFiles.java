package org.relais.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Spreadsheets made to hurt the reader: bombs, entity tricks. Each is small on the wire. */
public final class HostileFiles {

    private static final String XLSX_CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            </Types>""";

    private HostileFiles() {
    }

    /** An .xlsx whose sheet XML inflates to {@code inflatedBytes} of spaces (about 1,000 to 1 compressed). */
    public static byte[] xlsxBomb(long inflatedBytes) {
        return bomb("[Content_Types].xml", XLSX_CONTENT_TYPES, "xl/worksheets/sheet1.xml", inflatedBytes);
    }

    /** An .ods whose content.xml inflates to {@code inflatedBytes} of spaces. */
    public static byte[] odsBomb(long inflatedBytes) {
        return bomb("mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", inflatedBytes);
    }

    /** The workbook with a DOCTYPE whose nested entities expand a cell to 10^9 "lol"s (billion laughs). */
    public static byte[] billionLaughs(byte[] xlsx) {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lollollollollollollollollollol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return withSharedStrings(xlsx, strings -> strings
                .replaceFirst("\\?>", "?><!DOCTYPE sst [" + entities + "]>")
                .replaceFirst("<t>[^<]*</t>", "<t>&lol9;</t>"));
    }

    /** The workbook with its first text cell an external entity that would read {@code target} (XXE). */
    public static byte[] externalEntity(byte[] xlsx, URI target) {
        return withSharedStrings(xlsx, strings -> strings
                .replaceFirst("\\?>", "?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"" + target + "\">]>")
                .replaceFirst("<t>[^<]*</t>", "<t>&xxe;</t>"));
    }

    private static byte[] withSharedStrings(byte[] xlsx, UnaryOperator<String> tamper) {
        return Zips.rewrite(xlsx, parts -> parts.put("xl/sharedStrings.xml",
                tamper.apply(new String(parts.get("xl/sharedStrings.xml"), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8)));
    }

    /** Written a chunk at a time: the bomb's inflated size never has to fit in this JVM either. */
    private static byte[] bomb(String markerName, String marker, String bombName, long inflatedBytes) {
        byte[] spaces = new byte[1024 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry(markerName));
            zip.write(marker.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(bombName));
            for (long left = inflatedBytes; left > 0; left -= spaces.length) {
                zip.write(spaces, 0, (int) Math.min(spaces.length, left));
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
