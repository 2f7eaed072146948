package org.relais.spreadsheet;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes the bytes of a csv. UTF-8 (with or without BOM) is tried strictly first; what fails it was saved by
 * a Windows "ANSI" code page: windows-1251 for Bulgarian and Russian, where almost every letter is a high byte;
 * else windows-1252 (French) or windows-1250 (Romanian), whichever gives more of the two languages' letters
 * ("è" in one is "č" in the other, "ă" is "ã").
 */
public final class CsvText {

    public static final Charset WINDOWS_1250 = Charset.forName("windows-1250");
    public static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String FRENCH_AND_ROMANIAN_LETTERS = "àâçéèêëîïôùûüÿœăşșţț";

    private CsvText() {
    }

    public static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        return strictUtf8(bytes).orElseGet(() -> mostlyHighLetters(bytes) ? new String(bytes, WINDOWS_1251) : latin(bytes));
    }

    private static String latin(byte[] bytes) {
        String central = new String(bytes, WINDOWS_1250);
        String western = new String(bytes, WINDOWS_1252);
        return partnershipLetters(western) > partnershipLetters(central) ? western : central;
    }

    private static long partnershipLetters(String text) {
        return text.chars().filter(c -> FRENCH_AND_ROMANIAN_LETTERS.indexOf(Character.toLowerCase(c)) >= 0).count();
    }

    /** Text that no spreadsheet program would export: NUL bytes or many control characters. */
    public static boolean looksBinary(String text) {
        long controls = text.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t').count();
        return text.indexOf('\0') >= 0 || controls > text.length() / 100;
    }

    private static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean mostlyHighLetters(byte[] bytes) {
        long high = 0;
        long asciiLetters = 0;
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v >= 0xC0) {
                high++;
            } else if ((v >= 'A' && v <= 'Z') || (v >= 'a' && v <= 'z')) {
                asciiLetters++;
            }
        }
        return high > asciiLetters;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
