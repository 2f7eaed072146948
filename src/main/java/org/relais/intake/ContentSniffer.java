package org.relais.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.Tika;

/**
 * Tells what a file is from its bytes, never from its name: Tika's magic numbers, then a look inside containers
 * (zip directory names, OLE2 entry names) without inflating anything, so a zip bomb costs nothing here.
 */
final class ContentSniffer {

    /** What the bytes are, and what about them makes Relais refuse them before any flow opens them. */
    record Sniffed(FileType type, Refusal refusal) {
        static Sniffed of(FileType type) {
            return new Sniffed(type, null);
        }
    }

    enum Refusal { ENCRYPTED, MACRO, CORRUPT }

    private static final Set<String> EXECUTABLE_TYPES = Set.of("application/x-msdownload", "application/x-dosexec",
            "application/x-executable", "application/x-elf", "application/x-sharedlib", "application/x-mach-o",
            "application/x-mach-o-executable", "application/x-sh", "application/java-archive",
            "application/x-ms-shortcut", "application/x-bat", "application/javascript", "text/javascript",
            "application/vnd.microsoft.portable-executable");

    private ContentSniffer() {
    }

    /**
     * Signatures at the very start of a file that Tika's magic would find too (its answer for them is the same), and
     * that most attachments carry: tried first, since Tika evaluates every pattern of higher priority before it
     * reaches them, a few milliseconds per file. Each: its bytes, its media type.
     */
    private static final List<Map.Entry<byte[], String>> LEADING_SIGNATURES = List.of(
            Map.entry("%PDF-".getBytes(StandardCharsets.ISO_8859_1), "application/pdf"),
            Map.entry(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, "image/png"),
            Map.entry(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}, "image/jpeg"),
            Map.entry("GIF87a".getBytes(StandardCharsets.ISO_8859_1), "image/gif"),
            Map.entry("GIF89a".getBytes(StandardCharsets.ISO_8859_1), "image/gif"));

    /** The first bytes of a file, enough for every leading signature. */
    static final int HEAD_BYTES = 3 << 10;

    /**
     * Whether these first bytes of a file are sniffed as the whole file would be: a leading signature decides, and
     * nothing further in a PDF or a picture changes what intake makes of it.
     */
    static boolean toldByItsHead(byte[] head) {
        return LEADING_SIGNATURES.stream().anyMatch(signature -> startsWith(head, signature.getKey()));
    }

    static Sniffed sniff(byte[] content) {
        String mediaType = mediaType(content);
        if (EXECUTABLE_TYPES.contains(mediaType) || startsWith(content, "MZ") || startsWith(content, "\u007fELF")
                || startsWith(content, "#!")) {
            return Sniffed.of(FileType.EXECUTABLE);
        }
        return switch (mediaType) {
            case "application/zip", "application/x-tika-ooxml", "application/x-tika-java-archive" -> insideZip(content);
            case "application/x-tika-msoffice", "application/x-tika-ooxml-protected" -> insideOle2(content);
            case "application/pdf" -> Sniffed.of(FileType.PDF);
            case "application/rtf", "text/rtf" -> Sniffed.of(FileType.RTF);
            case "text/html", "application/xhtml+xml" -> Sniffed.of(FileType.HTML);
            case "message/rfc822", "application/vnd.ms-outlook" -> Sniffed.of(FileType.MAIL);
            case "application/x-rar-compressed", "application/x-7z-compressed", "application/gzip",
                 "application/x-gzip", "application/x-bzip2", "application/x-xz", "application/x-tar",
                 "application/vnd.ms-cab-compressed", "application/x-iso9660-image" -> Sniffed.of(FileType.ARCHIVE);
            default -> byFamily(mediaType, content);
        };
    }

    /** The media type of the bytes, as Tika tells it. */
    static String mediaType(byte[] content) {
        for (Map.Entry<byte[], String> signature : LEADING_SIGNATURES) {
            if (startsWith(content, signature.getKey())) {
                return signature.getValue();
            }
        }
        return Detector.TIKA.detect(content);
    }

    /** Tika, built at the first file no signature tells: reading its configuration costs a second of CPU. */
    private static final class Detector {
        private static final Tika TIKA = new Tika();
    }

    private static Sniffed byFamily(String mediaType, byte[] content) {
        if (mediaType.startsWith("image/")) {
            return Sniffed.of(FileType.IMAGE);
        }
        if (mediaType.startsWith("text/")) {
            return Sniffed.of(looksDelimited(content) ? FileType.CSV : FileType.TEXT);
        }
        if (mediaType.startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
            return Sniffed.of(FileType.ODS);
        }
        if (mediaType.startsWith("application/vnd.oasis.opendocument.text")) {
            return Sniffed.of(FileType.ODT);
        }
        if (mediaType.startsWith("application/vnd.oasis.opendocument.presentation")) {
            return Sniffed.of(FileType.PRESENTATION);
        }
        return Sniffed.of(FileType.UNKNOWN);
    }

    private static Sniffed insideZip(byte[] content) {
        List<String> names;
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            names = new ArrayList<>();
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                names.add(entry.getName());
            }
            if (names.contains("mimetype")) {
                String odfType = new String(zip.getInputStream(zip.getEntry("mimetype")).readNBytes(100),
                        StandardCharsets.US_ASCII);
                return byFamily(odfType.strip(), content);
            }
        } catch (IOException | RuntimeException e) {
            return new Sniffed(FileType.ARCHIVE, Refusal.CORRUPT);
        }
        boolean macros = names.stream().anyMatch(n -> n.endsWith("vbaProject.bin"));
        if (names.contains("xl/workbook.xml") || names.contains("xl/workbook.bin")) {
            return new Sniffed(FileType.XLSX, macros ? Refusal.MACRO : null);
        }
        if (names.contains("word/document.xml")) {
            return new Sniffed(FileType.DOCX, macros ? Refusal.MACRO : null);
        }
        if (names.stream().anyMatch(n -> n.startsWith("ppt/"))) {
            return new Sniffed(FileType.PRESENTATION, macros ? Refusal.MACRO : null);
        }
        if (names.contains("META-INF/MANIFEST.MF") && names.stream().anyMatch(n -> n.endsWith(".class"))) {
            return Sniffed.of(FileType.EXECUTABLE);
        }
        return Sniffed.of(FileType.ARCHIVE);
    }

    private static Sniffed insideOle2(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptedPackage")) {
                return new Sniffed(FileType.XLSX, Refusal.ENCRYPTED);
            }
            boolean macros = root.hasEntryCaseInsensitive("_VBA_PROJECT_CUR") || root.hasEntryCaseInsensitive("Macros");
            if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
                return new Sniffed(FileType.XLS, macros ? Refusal.MACRO : null);
            }
            if (root.hasEntryCaseInsensitive("WordDocument")) {
                return new Sniffed(FileType.DOC, macros ? Refusal.MACRO : null);
            }
            if (root.hasEntryCaseInsensitive("PowerPoint Document")) {
                return Sniffed.of(FileType.PRESENTATION);
            }
            if (root.hasEntryCaseInsensitive("__properties_version1.0")) {
                return Sniffed.of(FileType.MAIL);
            }
            return Sniffed.of(FileType.UNKNOWN);
        } catch (IOException | RuntimeException e) {
            return new Sniffed(FileType.UNKNOWN, Refusal.CORRUPT);
        }
    }

    /** Several lines with the same number of ; or , separators: a CSV table rather than prose. */
    private static boolean looksDelimited(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\\R");
        if (lines.length < 2) {
            return false;
        }
        for (char separator : new char[] {';', ','}) {
            long first = count(lines[0], separator);
            if (first >= 2 && count(lines[1], separator) == first) {
                return true;
            }
        }
        return false;
    }

    private static long count(String line, char separator) {
        return line.chars().filter(c -> c == separator).count();
    }

    private static boolean startsWith(byte[] content, String magic) {
        return startsWith(content, magic.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
