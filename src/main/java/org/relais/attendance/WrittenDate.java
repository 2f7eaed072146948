package org.relais.attendance;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relais.spreadsheet.TextNormalizer;

/**
 * The first date a text shows, as organisers write it in a sheet's title: 2009-10-22, 22.10.2009, 22/10/2009 (a
 * spreadsheet's date cell as POI shows it, 10/22/09, too), or with the month in words in the partnership's
 * languages ("22 octombrie 2009", "22-23 octobre 2009", "22 октября 2009 г."). A range gives its first day.
 */
public final class WrittenDate {

    private static final List<String> LANGUAGES = List.of("fr", "ro", "bg", "ru", "en");
    private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)");
    private static final Pattern NUMERIC = Pattern.compile("(?<!\\d)(\\d{1,2})[./](\\d{1,2})[./](\\d{4}|\\d{2})(?!\\d)");
    private static final Pattern IN_WORDS = Pattern.compile("(?<!\\d)(\\d{1,2})(?:er)?(?: \\d{1,2})? (\\p{L}+) (\\d{4})");
    private static final Map<String, Month> MONTHS = monthNames();

    private WrittenDate() {
    }

    public static Optional<LocalDate> firstIn(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher iso = ISO.matcher(text);
        if (iso.find()) {
            return day(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
        }
        Matcher numeric = NUMERIC.matcher(text);
        if (numeric.find()) {
            int first = Integer.parseInt(numeric.group(1));
            int second = Integer.parseInt(numeric.group(2));
            int year = Integer.parseInt(numeric.group(3));
            year = year < 100 ? 2000 + year : year;
            // day first, as the partnership writes dates, unless only month first can be a date
            return second > 12 && first <= 12 ? day(year, first, second) : day(year, second, first);
        }
        Matcher words = IN_WORDS.matcher(TextNormalizer.normalize(text));
        while (words.find()) {
            Month month = MONTHS.get(words.group(2));
            if (month != null) {
                return day(Integer.parseInt(words.group(3)), month.getValue(), Integer.parseInt(words.group(1)));
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> day(int year, int month, int dayOfMonth) {
        try {
            return Optional.of(LocalDate.of(year, month, dayOfMonth));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Every month's name in each language, as written in a date (genitive) and alone, normalized. */
    private static Map<String, Month> monthNames() {
        Map<String, Month> names = new HashMap<>();
        for (String language : LANGUAGES) {
            Locale locale = Locale.forLanguageTag(language);
            for (Month month : Month.values()) {
                LocalDate day = LocalDate.of(2009, month, 1);
                for (String pattern : List.of("MMMM", "LLLL")) {
                    names.put(TextNormalizer.normalize(DateTimeFormatter.ofPattern(pattern, locale).format(day)), month);
                }
            }
        }
        return Map.copyOf(names);
    }
}
