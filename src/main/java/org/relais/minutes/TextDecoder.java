package org.relais.minutes;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Reads bytes of plain text whose charset may be unknown. A declared charset is trusted when the bytes decode in
 * it; then a byte order mark; then strict UTF-8; otherwise each single-byte charset of the partnership's languages
 * is tried and the one whose text reads most like a language Relais knows wins (Bulgarian bytes read as Latin-2
 * look like no language at all). windows-1250 and ISO-8859-2 give the same Romanian letters and differ in
 * 0x80–0x9F, where windows-1250 has its quotes and dashes and ISO-8859-2 only control characters.
 */
final class TextDecoder {

    private static final List<Charset> SINGLE_BYTE = List.of(Charset.forName("windows-1251"),
            Charset.forName("windows-1250"), Charset.forName("windows-1252"));
    private static final Charset LATIN_2 = Charset.forName("ISO-8859-2");

    /** The text and the charset it was read in. */
    record Decoded(String text, Charset charset) {
    }

    private final LanguageIdentifier languages;

    TextDecoder(LanguageIdentifier languages) {
        this.languages = languages;
    }

    Decoded decode(byte[] bytes, String declaredCharset) {
        Optional<Charset> declared = charset(declaredCharset);
        if (declared.isPresent()) {
            Optional<String> text = strictly(bytes, declared.get());
            if (text.isPresent()) {
                return new Decoded(withoutBom(text.get()), declared.get());
            }
        }
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            Charset utf16 = StandardCharsets.UTF_16;
            return new Decoded(new String(bytes, utf16), utf16);
        }
        Optional<String> utf8 = strictly(bytes, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return new Decoded(withoutBom(utf8.get()), StandardCharsets.UTF_8);
        }
        Decoded best = null;
        double bestScore = -1;
        for (Charset candidate : SINGLE_BYTE) {
            String text = new String(bytes, candidate);
            double score = languages.bestKnownLanguageScore(text);
            if (score > bestScore) {
                best = new Decoded(text, candidate);
                bestScore = score;
            }
        }
        if (best.charset().name().equals("windows-1250") && !hasC1Bytes(bytes)) {
            return new Decoded(new String(bytes, LATIN_2), LATIN_2);
        }
        return best;
    }

    private static Optional<Charset> charset(String name) {
        try {
            return name == null || name.isBlank() ? Optional.empty() : Optional.of(Charset.forName(name.strip()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> strictly(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean hasC1Bytes(byte[] bytes) {
        for (byte b : bytes) {
            int value = b & 0xFF;
            if (value >= 0x80 && value <= 0x9F) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int first, int second) {
        return bytes.length >= 2 && (bytes[0] & 0xFF) == first && (bytes[1] & 0xFF) == second;
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
