package org.relais.spreadsheet;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes the bytes of a csv. UTF-8 (with or without BOM) is tried strictly first; what fails it was saved by
 * a Windows "ANSI" code page: windows-1251 for Bulgarian, where almost every letter is a high byte,
 * windows-1250 for Romanian and French, where only the accented letters are.
 */
public final class CsvText {

    public static final Charset WINDOWS_1250 = Charset.forName("windows-1250");
    public static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

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
        return strictUtf8(bytes).orElseGet(() -> new String(bytes, mostlyHighLetters(bytes) ? WINDOWS_1251 : WINDOWS_1250));
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
