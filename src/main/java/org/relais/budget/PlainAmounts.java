package org.relais.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * The language-neutral way findings carry amounts ({@code 1234.50}, ranges {@code 600.00..6000.00}); the message
 * renderer recognises exactly this form and rewrites it the way the recipient reads numbers.
 */
final class PlainAmounts {

    static final String RANGE_SEPARATOR = "..";
    static final Pattern AMOUNT_OR_RANGE = Pattern.compile("(-?\\d+\\.\\d{2})(?:\\.\\.(-?\\d+\\.\\d{2}))?");

    private PlainAmounts() {
    }

    static String of(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String range(BigDecimal min, BigDecimal max) {
        return of(min) + RANGE_SEPARATOR + of(max);
    }
}
