package org.relais.mail;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** A day as a reader of the given language writes it in full: "14 septembre 2009", "14 сентября 2009 г.". */
public final class LongDates {

    private LongDates() {
    }

    public static String of(LocalDate day, String language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language))
                .format(day);
    }
}
