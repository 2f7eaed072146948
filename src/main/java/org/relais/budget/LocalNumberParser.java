package org.relais.budget;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses amounts typed as text the way partners type them: {@code 1 234,50}, {@code 1.234,50}, {@code 1,234.50},
 * with non-breaking spaces, signs or accounting parentheses, and currency marks such as "lei", "лв." or "€".
 */
final class LocalNumberParser {

    private static final Pattern SPACES_AND_APOSTROPHES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F'’]+");
    private static final Pattern DASHES_ONLY = Pattern.compile("[-–—−]+");
    private static final Pattern DIGITS_AND_SEPARATORS = Pattern.compile("\\d[\\d.,]*|[.,]\\d+");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(X\\d{3})*");

    private final CurrencyMarks marks;

    LocalNumberParser(CurrencyMarks marks) {
        this.marks = marks;
    }

    Optional<BigDecimal> parse(String raw) {
        String text = SPACES_AND_APOSTROPHES.matcher(marks.strip(raw)).replaceAll("");
        if (text.isEmpty()) {
            return Optional.of(BigDecimal.ZERO);
        }
        // accountants write a lone dash for "nothing"
        if (DASHES_ONLY.matcher(text).matches()) {
            return Optional.of(BigDecimal.ZERO);
        }
        boolean negative = false;
        if (text.startsWith("(") && text.endsWith(")")) {
            negative = true;
            text = text.substring(1, text.length() - 1);
        } else if (startsWithMinus(text)) {
            negative = true;
            text = text.substring(1);
        } else if (text.startsWith("+")) {
            text = text.substring(1);
        } else if (text.endsWith("-")) {
            negative = true;
            text = text.substring(0, text.length() - 1);
        }
        if (!DIGITS_AND_SEPARATORS.matcher(text).matches()) {
            return Optional.empty();
        }
        String sign = negative ? "-" : "";
        return plainDecimal(text).map(plain -> new BigDecimal(sign + plain));
    }

    private static boolean startsWithMinus(String text) {
        char first = text.charAt(0);
        return first == '-' || first == '−' || first == '–';
    }

    /** Decides which separator is the decimal one and returns the number as {@code 1234.50}. */
    private static Optional<String> plainDecimal(String text) {
        int dots = count(text, '.');
        int commas = count(text, ',');
        char decimal;
        if (dots > 0 && commas > 0) {
            decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
        } else if (commas == 1) {
            // French, Romanian and Bulgarian all write the decimal part after a comma
            decimal = ',';
        } else if (dots == 1) {
            // Romanians group thousands with a dot: "1.234" is a thousand and more, "12.5" is twelve and a half
            decimal = looksLikeThousands(text, '.') ? 'X' : '.';
        } else {
            decimal = 'X';
        }
        char grouping = decimal == '.' ? ',' : decimal == ',' ? '.' : (dots > 0 ? '.' : ',');
        int at = decimal == 'X' ? -1 : text.lastIndexOf(decimal);
        String integer = at < 0 ? text : text.substring(0, at);
        String fraction = at < 0 ? "" : text.substring(at + 1);
        if (fraction.indexOf('.') >= 0 || fraction.indexOf(',') >= 0 || (at >= 0 && fraction.isEmpty())) {
            return Optional.empty();
        }
        if (integer.indexOf(grouping) >= 0) {
            String marked = integer.replace(grouping, 'X');
            if (!GROUPED.matcher(marked).matches()) {
                return Optional.empty();
            }
            integer = integer.replace(String.valueOf(grouping), "");
        }
        String digits = integer.isEmpty() ? "0" : integer;
        return Optional.of(fraction.isEmpty() ? digits : digits + "." + fraction);
    }

    private static boolean looksLikeThousands(String text, char separator) {
        int at = text.indexOf(separator);
        return text.length() - at - 1 == 3 && at >= 1 && at <= 3 && text.charAt(0) != '0';
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }
}
