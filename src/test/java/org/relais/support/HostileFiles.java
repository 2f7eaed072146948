package org.relais.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Spreadsheets made to hurt the reader: bombs, entity tricks. Each is small on the wire. */
public final class HostileFiles {

    private static final String SHEET = "xl/worksheets/sheet1.xml";

    private static final int MEGABYTE = 1024 * 1024;

    private HostileFiles() {
    }

    /** The workbook with its first sheet's XML replaced by {@code inflatedBytes} of spaces (about 1,000 to 1). */
    public static byte[] xlsxBomb(byte[] xlsx, long inflatedBytes) {
        Map<String, byte[]> parts = Zips.parts(xlsx);
        parts.remove(SHEET);
        return bomb(parts, SHEET, inflatedBytes);
    }

    /** An .ods whose content.xml inflates to {@code inflatedBytes} of spaces. */
    public static byte[] odsBomb(long inflatedBytes) {
        return bomb(Map.of("mimetype", "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII)),
                "content.xml", inflatedBytes);
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

    /**
     * Written by hand (the other parts stored as they are): the deflated bomb is one deflated megabyte of spaces repeated (after a flush, each further
     * megabyte deflates to the same bytes), so a bomb of gigabytes costs milliseconds to make, not a minute.
     */
    private static byte[] bomb(Map<String, byte[]> others, String bombName, long inflatedBytes) {
        int megabytes = (int) Math.max(1, (inflatedBytes + MEGABYTE - 1) / MEGABYTE);
        if ((long) megabytes * MEGABYTE >= 1L << 32) {
            throw new IllegalArgumentException("a bomb of 4 GB or more needs ZIP64");
        }
        byte[] spaces = new byte[MEGABYTE];
        Arrays.fill(spaces, (byte) ' ');
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] first = deflated(deflater, spaces, Deflater.SYNC_FLUSH);
        byte[] next = deflated(deflater, spaces, Deflater.SYNC_FLUSH);
        deflater.finish();
        byte[] end = deflated(deflater, new byte[0], Deflater.FULL_FLUSH);
        deflater.end();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(first);
        CRC32 crc = new CRC32();
        crc.update(spaces);
        for (int i = 1; i < megabytes; i++) {
            data.writeBytes(next);
            crc.update(spaces);
        }
        data.writeBytes(end);
        ZipWriter zip = new ZipWriter();
        others.forEach((name, content) -> {
            CRC32 partCrc = new CRC32();
            partCrc.update(content);
            zip.entry(name, 0, partCrc.getValue(), content, content.length);
        });
        zip.entry(bombName, 8, crc.getValue(), data.toByteArray(), (long) megabytes * MEGABYTE);
        return zip.finish();
    }

    private static byte[] deflated(Deflater deflater, byte[] input, int flush) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, flush);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput() && !deflater.finished());
        return out.toByteArray();
    }

    /** The few ZIP records an archive of stored and deflated entries needs (APPNOTE 4.3), little-endian. */
    private static final class ZipWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream directory = new ByteArrayOutputStream();
        private int entries;

        void entry(String name, int method, long crc, byte[] data, long size) {
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            int offset = out.size();
            int32(out, 0x04034b50);
            header(out, method, crc, data.length, size, nameBytes.length);
            out.writeBytes(nameBytes);
            out.writeBytes(data);
            int32(directory, 0x02014b50);
            shortInt(directory, 20);
            header(directory, method, crc, data.length, size, nameBytes.length);
            shortInt(directory, 0);
            shortInt(directory, 0);
            shortInt(directory, 0);
            int32(directory, 0);
            int32(directory, offset);
            directory.writeBytes(nameBytes);
            entries++;
        }

        byte[] finish() {
            int directoryOffset = out.size();
            out.writeBytes(directory.toByteArray());
            int32(out, 0x06054b50);
            shortInt(out, 0);
            shortInt(out, 0);
            shortInt(out, entries);
            shortInt(out, entries);
            int32(out, directory.size());
            int32(out, directoryOffset);
            shortInt(out, 0);
            return out.toByteArray();
        }

        /** Version, flags, method, time and date (1 January 1980), CRC, sizes, name length, no extra field. */
        private static void header(ByteArrayOutputStream to, int method, long crc, long compressed, long size,
                                   int nameLength) {
            shortInt(to, 20);
            shortInt(to, 0);
            shortInt(to, method);
            shortInt(to, 0);
            shortInt(to, 0x21);
            int32(to, (int) crc);
            int32(to, (int) compressed);
            int32(to, (int) size);
            shortInt(to, nameLength);
            shortInt(to, 0);
        }

        private static void shortInt(ByteArrayOutputStream to, int value) {
            to.write(value & 0xff);
            to.write((value >>> 8) & 0xff);
        }

        private static void int32(ByteArrayOutputStream to, int value) {
            shortInt(to, value & 0xffff);
            shortInt(to, value >>> 16);
        }
    }
}
