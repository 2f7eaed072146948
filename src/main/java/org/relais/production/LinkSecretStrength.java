package org.relais.production;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a link secret is fit for production: at least 32 random bytes, written in Base64 (standard or URL-safe) or
 * in hexadecimal as {@code openssl rand -base64 32} or {@code openssl rand -hex 32} make them. Anyone who guesses it
 * can unsubscribe any contact and download any distributed document, so placeholders, the development value and
 * repetitive values are refused.
 */
final class LinkSecretStrength {

    static final int MIN_BYTES = 32;
    /** Far fewer distinct bytes than 32 random ones have (about 30): a pattern, not randomness. */
    private static final int MIN_DISTINCT_BYTES = 16;
    /** Words of six letters or more, which 32 random bytes in Base64 contain once in a billion. */
    private static final List<String> PLACEHOLDER_WORDS = List.of("change", "secret", "password", "example",
            "placeholder", "replace", "development");
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})+");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]+={0,2}");

    private LinkSecretStrength() {
    }

    /** What is wrong with the secret, or empty when it will do. */
    static Optional<String> weakness(String secret) {
        String value = secret.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        Optional<String> word = PLACEHOLDER_WORDS.stream().filter(lower::contains).findFirst();
        if (word.isPresent()) {
            return Optional.of("it looks like a placeholder or the development value (it contains \"" + word.get()
                    + "\")");
        }
        Optional<byte[]> bytes = decoded(value);
        if (bytes.isEmpty()) {
            return Optional.of("it is neither Base64 nor hexadecimal");
        }
        if (bytes.get().length < MIN_BYTES) {
            return Optional.of("it holds " + bytes.get().length + " bytes, fewer than " + MIN_BYTES);
        }
        long distinct = new String(bytes.get(), StandardCharsets.ISO_8859_1).chars().distinct().count();
        if (distinct < MIN_DISTINCT_BYTES) {
            return Optional.of("it repeats itself (" + distinct + " different bytes): it is not random");
        }
        return Optional.empty();
    }

    private static Optional<byte[]> decoded(String value) {
        if (HEX.matcher(value).matches()) {
            return Optional.of(HexFormat.of().parseHex(value));
        }
        if (!BASE64.matcher(value).matches()) {
            return Optional.empty();
        }
        String standard = value.replace('-', '+').replace('_', '/').replace("=", "");
        try {
            return Optional.of(Base64.getDecoder().decode(standard + "=".repeat((4 - standard.length() % 4) % 4)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
