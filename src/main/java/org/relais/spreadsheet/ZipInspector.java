package org.relais.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.relais.spreadsheet.UnreadableSpreadsheetException.Reason;

/**
 * Inflates every part of an xlsx / ods container once, with a budget, before any library parses it. SODS has no
 * zip-bomb guard of its own and POI's is JVM-wide, so this per-file pass is what bounds memory for both; it also
 * refuses XML parts that declare a DTD, the carrier of XXE and billion-laughs attacks.
 */
public final class ZipInspector {

    /** What the container holds: every part name, and the bytes of the few parts asked for. */
    public record Inventory(Set<String> names, Map<String, byte[]> kept) {

        String text(String name) {
            byte[] bytes = kept.get(name);
            return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    // the ratio is judged only past this size: tiny parts compress erratically
    private static final long RATIO_GRACE_BYTES = 1 << 20;
    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);

    private final ReadingLimits limits;

    public ZipInspector(ReadingLimits limits) {
        this.limits = limits;
    }

    public Inventory inspect(byte[] zip, Set<String> partsToKeep) throws UnreadableSpreadsheetException {
        Set<String> names = new LinkedHashSet<>();
        Map<String, byte[]> kept = new HashMap<>();
        CountingStream counted = new CountingStream(new ByteArrayInputStream(zip));
        long total = 0;
        // commons-compress, as POI uses: java.util.zip rejects the data descriptors some writers (POI's SXSSF) emit
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(counted, StandardCharsets.UTF_8.name(), true, true)) {
            byte[] buffer = new byte[8192];
            for (ZipArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (names.size() >= limits.maxZipEntries()) {
                    throw new UnreadableSpreadsheetException(Reason.TOO_LARGE, "more than " + limits.maxZipEntries() + " parts");
                }
                String name = entry.getName();
                names.add(name);
                boolean keep = partsToKeep.contains(name);
                boolean xml = name.endsWith(".xml") || name.endsWith(".rels");
                ByteArrayOutputStream content = keep ? new ByteArrayOutputStream() : null;
                DoctypeSearch doctype = xml ? new DoctypeSearch() : null;
                long compressedStart = counted.count;
                long size = 0;
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    size += n;
                    total += n;
                    long compressed = Math.max(1, counted.count - compressedStart);
                    if (size > RATIO_GRACE_BYTES && (double) compressed / size < limits.minInflateRatio()) {
                        throw new UnreadableSpreadsheetException(Reason.ZIP_BOMB,
                                "part " + name + " inflates more than 1:" + Math.round(1 / limits.minInflateRatio()));
                    }
                    if (size > limits.maxEntryBytes() || total > limits.maxUncompressedBytes()) {
                        throw new UnreadableSpreadsheetException(Reason.TOO_LARGE, "part " + name + " is too large once inflated");
                    }
                    if (doctype != null && doctype.found(buffer, n)) {
                        throw new UnreadableSpreadsheetException(Reason.UNSAFE_XML, "part " + name + " declares a DTD");
                    }
                    if (content != null) {
                        content.write(buffer, 0, n);
                    }
                }
                if (content != null) {
                    kept.put(name, content.toByteArray());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableSpreadsheetException(Reason.CORRUPT, "damaged zip container", e);
        }
        if (names.isEmpty()) {
            throw new UnreadableSpreadsheetException(Reason.CORRUPT, "empty or damaged zip container");
        }
        return new Inventory(Set.copyOf(names), Map.copyOf(kept));
    }

    /** Looks for "<!DOCTYPE" across buffer boundaries. */
    private static final class DoctypeSearch {
        private int matched;

        boolean found(byte[] buffer, int length) {
            for (int i = 0; i < length; i++) {
                if (buffer[i] == DOCTYPE[matched]) {
                    matched++;
                    if (matched == DOCTYPE.length) {
                        return true;
                    }
                } else {
                    matched = buffer[i] == DOCTYPE[0] ? 1 : 0;
                }
            }
            return false;
        }
    }

    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
