package org.relais.spreadsheet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.relais.spreadsheet.UnreadableSpreadsheetException.Reason;

/**
 * Splits csv text into rows and fields (RFC 4180 quoting), choosing the separator that gives the most rows of
 * one same width: a French or Romanian export uses ";" because "," is their decimal mark.
 */
public final class CsvParser {

    private static final char[] SEPARATORS = {';', ',', '\t'};
    private static final int SAMPLE_ROWS = 50;

    private final int maxRows;

    public CsvParser(int maxRows) {
        this.maxRows = maxRows;
    }

    public List<List<String>> parse(String text) throws UnreadableSpreadsheetException {
        List<List<String>> rows = split(text, separatorOf(text), maxRows);
        if (rows.size() > maxRows) {
            throw new UnreadableSpreadsheetException(Reason.TOO_LARGE, "more than " + maxRows + " rows");
        }
        return rows;
    }

    private static char separatorOf(String text) {
        char best = SEPARATORS[0];
        long bestScore = -1;
        for (char separator : SEPARATORS) {
            long score = consistency(split(text, separator, SAMPLE_ROWS));
            if (score > bestScore) {
                best = separator;
                bestScore = score;
            }
        }
        return best;
    }

    /** How many rows share the most common width, when that width is at least two fields. */
    private static long consistency(List<List<String>> rows) {
        Map<Integer, Long> widths = new HashMap<>();
        rows.stream().filter(row -> row.stream().anyMatch(field -> !field.isBlank()))
                .forEach(row -> widths.merge(row.size(), 1L, Long::sum));
        return widths.entrySet().stream()
                .filter(e -> e.getKey() >= 2)
                .max(Comparator.comparingLong(Map.Entry<Integer, Long>::getValue))
                .map(Map.Entry::getValue)
                .orElse(0L);
    }

    /** Splits into rows, stopping once there are more than {@code rowLimit}. */
    private static List<List<String>> split(String text, char separator, int rowLimit) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == separator) {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                if (rows.size() > rowLimit) {
                    return rows;
                }
            } else {
                field.append(c);
            }
            i++;
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
