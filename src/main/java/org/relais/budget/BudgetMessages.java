package org.relais.budget;

import org.relais.spreadsheet.UnreadableSpreadsheetException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;

import org.relais.spreadsheet.UnreadableSpreadsheetException.Reason;

/**
 * Writes findings and refusals in the recipient's language from {@code messages_<language>.properties} (UTF-8).
 * Placeholders ({cell} {line} {column} {found} {expected} {country} {file}) are replaced by name rather than with
 * MessageFormat, whose quoting rules would eat the apostrophes of French text.
 */
public class BudgetMessages {

    private final Map<String, Properties> byLanguage = new HashMap<>();
    private final String fallbackLanguage;

    /**
     * @param directory        where the {@code messages_xx.properties} files are (by default {@code config/budget})
     * @param fallbackLanguage used for a language that has no file
     */
    public BudgetMessages(Path directory, String fallbackLanguage) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "messages_*.properties")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String language = name.substring("messages_".length(), name.length() - ".properties".length());
                Properties messages = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    messages.load(reader);
                }
                byLanguage.put(language, messages);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the budget messages in " + directory, e);
        }
        if (!byLanguage.containsKey(fallbackLanguage)) {
            throw new IllegalStateException("no messages_" + fallbackLanguage + ".properties in " + directory);
        }
        this.fallbackLanguage = fallbackLanguage;
    }

    public BudgetMessages(BudgetConfig config) {
        this(config.directory(), "fr");
    }

    public Set<String> languages() {
        return Set.copyOf(byLanguage.keySet());
    }

    /** The finding as one sentence, prefixed by its severity ("Erreur : Cellule Buget!D12 …"). */
    public String render(Finding finding, String language) {
        Properties messages = messagesFor(language);
        String template = text(messages, "finding." + finding.code());
        // a finding naming a country (CURRENCY_ASSUMED) carries its code as the expected value
        String message = (template.contains("{country}")
                ? template.replace("{country}", text(messages, "country." + finding.expected())) : template)
                .replace("{cell}", finding.cell())
                .replace("{line}", finding.line().map(line -> text(messages, "line." + line)).orElse(""))
                .replace("{column}", finding.column().map(column -> text(messages, "column." + column)).orElse(""))
                .replace("{found}", value(messages, finding.found()))
                .replace("{expected}", value(messages, finding.expected()));
        return text(messages, "message.format")
                .replace("{severity}", text(messages, "severity." + finding.severity()))
                .replace("{message}", message);
    }

    /** Why a file could not be read, for its sender. */
    public String render(Reason reason, String fileName, String language) {
        return text(messagesFor(language), "unreadable." + reason).replace("{file}", fileName == null ? "" : fileName);
    }

    private Properties messagesFor(String language) {
        return byLanguage.getOrDefault(language, byLanguage.get(fallbackLanguage));
    }

    private String text(Properties messages, String key) {
        String text = messages.getProperty(key, byLanguage.get(fallbackLanguage).getProperty(key));
        if (text == null) {
            throw new IllegalStateException("no budget message '" + key + "'");
        }
        return text;
    }

    /** An amount or range in the plain form of {@link PlainAmounts}, written as the recipient reads numbers. */
    private String value(Properties messages, String value) {
        if (value.isEmpty()) {
            return text(messages, "value.none");
        }
        Matcher range = PlainAmounts.AMOUNT_OR_RANGE.matcher(value);
        if (!range.matches()) {
            return value;
        }
        String written = localised(messages, range.group(1));
        return range.group(2) == null ? written : written + " – " + localised(messages, range.group(2));
    }

    private String localised(Properties messages, String plain) {
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String integer = digits.substring(0, dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                grouped.append(text(messages, "number.grouping"));
            }
            grouped.append(integer.charAt(i));
        }
        return (negative ? "-" : "") + grouped + text(messages, "number.decimal") + digits.substring(dot + 1);
    }
}
