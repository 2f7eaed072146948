package org.relais.minutes;

import jakarta.annotation.PreDestroy;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.poi.EncryptedDocumentException;
import org.relais.intake.MailParts;
import org.springframework.stereotype.Component;

/**
 * The text of a stored part — a file a partner or translator sent, or a mail body — whatever its format and charset.
 * Each file is read on a small pool of reader threads, given at most the configured time (a reader stuck on a
 * hostile file is interrupted and the file reported unreadable) and at most the configured number of characters.
 */
@Component
public class TextExtractor {

    /** What was read: the text (at most the limit) and whether it was cut there. */
    public record ExtractedText(String text, boolean truncated) {
    }

    /** The formats read, from intake's detected type, then the declared type, then the file name. */
    enum Format { DOCX, DOC, ODT, RTF, PDF, TEXT, HTML }

    private final MinutesProperties.Extraction limits;
    private final TextDecoder decoder;
    private final ExecutorService readers;

    TextExtractor(MinutesProperties properties, LanguageIdentifier languages) {
        this.limits = properties.extraction();
        this.decoder = new TextDecoder(languages);
        this.readers = Executors.newFixedThreadPool(limits.readers(), runnable -> {
            Thread thread = new Thread(runnable, "minutes-text-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    public ExtractedText extract(MailParts.Part part) throws UnreadableTextException {
        if (part.content() == null || part.content().length == 0) {
            throw new UnreadableTextException("empty", "the part has no content");
        }
        Format format = format(part);
        Future<String> reading = readers.submit(() -> read(format, part));
        try {
            String text = normalised(reading.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS));
            if (text.isBlank()) {
                throw new UnreadableTextException("no-text", "no text in it (a scan?)");
            }
            boolean truncated = text.length() > limits.maxCharacters();
            return new ExtractedText(truncated ? text.substring(0, limits.maxCharacters()) : text, truncated);
        } catch (TimeoutException e) {
            reading.cancel(true);
            throw new UnreadableTextException("timeout", "reading took longer than " + limits.timeout());
        } catch (InterruptedException e) {
            reading.cancel(true);
            Thread.currentThread().interrupt();
            throw new UnreadableTextException("interrupted", "interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidPasswordException || cause instanceof EncryptedDocumentException) {
                throw new UnreadableTextException("encrypted", "protected by a password");
            }
            if (cause instanceof UnreadableTextException unreadable) {
                throw unreadable;
            }
            throw new UnreadableTextException("corrupt", cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }

    private String read(Format format, MailParts.Part part) throws Exception {
        byte[] content = part.content();
        return switch (format) {
            case DOCX -> DocumentText.docx(content);
            case DOC -> DocumentText.doc(content);
            case ODT -> DocumentText.odt(content, Math.max(limits.maxCharacters() * 8L, 1 << 20));
            case RTF -> DocumentText.rtf(content);
            case PDF -> DocumentText.pdf(content, limits.maxPdfPages(), limits.maxPdfMemoryBytes());
            case TEXT -> decoder.decode(content, trustedCharset(part)).text();
            case HTML -> DocumentText.html(decoder.decode(content, trustedCharset(part)).text());
        };
    }

    /**
     * A mail body's declared charset is what the author's client wrote in; a file's Content-Type charset is often a
     * guess by the sender's client (ISO-8859-1 for any bytes), so for files only Unicode declarations are taken.
     */
    private static String trustedCharset(MailParts.Part part) {
        String declared = part.charset();
        if (part.fileName() == null || declared == null) {
            return declared;
        }
        return declared.toLowerCase(Locale.ROOT).startsWith("utf") ? declared : null;
    }

    static Format format(MailParts.Part part) throws UnreadableTextException {
        String detected = part.detectedType() == null ? "" : part.detectedType();
        String declared = part.declaredType() == null ? "" : part.declaredType().toLowerCase(Locale.ROOT);
        String name = part.fileName() == null ? "" : part.fileName().toLowerCase(Locale.ROOT);
        switch (detected) {
            case "docx": return Format.DOCX;
            case "doc": return Format.DOC;
            case "odt": return Format.ODT;
            case "rtf": return Format.RTF;
            case "pdf": return Format.PDF;
            case "html": return Format.HTML;
            case "text", "csv": return Format.TEXT;
            default: break;
        }
        if (declared.equals("text/html") || name.endsWith(".html") || name.endsWith(".htm")) {
            return Format.HTML;
        }
        if (declared.equals("text/rtf") || declared.equals("application/rtf") || name.endsWith(".rtf")) {
            return Format.RTF;
        }
        if (declared.startsWith("text/") || name.endsWith(".txt") || (detected.isEmpty() && name.isEmpty())) {
            return Format.TEXT;
        }
        throw new UnreadableTextException("unsupported", "a " + (detected.isEmpty() ? declared : detected)
                + " file: Relais reads .docx, .doc, .odt, .rtf, .pdf, .txt and HTML");
    }

    /** Line ends as \n, no NUL (PostgreSQL refuses it in text), no runs of blank lines. */
    private static String normalised(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace("\u0000", "")
                .replaceAll("[ \\t\\u00A0]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }
}
