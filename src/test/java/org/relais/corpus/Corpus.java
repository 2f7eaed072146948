package org.relais.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.relais.attendance.AttendanceReader;
import org.relais.budget.BudgetColumn;
import org.relais.budget.BudgetContext;
import org.relais.budget.BudgetSheet;
import org.relais.budget.BudgetSheetReader;
import org.relais.budget.BudgetValidator;
import org.relais.budget.ValidationResult;
import org.relais.spreadsheet.UnreadableSpreadsheetException;
import org.relais.spreadsheet.WorkbookLoader;
import org.relais.spreadsheet.YamlFiles;

/**
 * The corpus of budgets and attendance sheets made by partners' tools ({@code src/test/resources/corpus}, written by
 * its make-corpus.sh) and the verdict each must get, from its manifest; used by the corpus tests and the budget bench.
 */
public final class Corpus {

    public static final Path ROOT = Path.of("src/test/resources/corpus");

    /** A budget file and its verdict: accepted in a currency with these totals, or rejected; exactly these findings. */
    public record BudgetCase(String file, String kind, String madeBy, BudgetContext context, boolean accepted,
                             String currency, BigDecimal expensesCash, BigDecimal expensesInKind,
                             List<String> findings) {
        @Override
        public String toString() {
            return file;
        }
    }

    /** An attendance sheet: its participants, their count by category, and the name cells of the unrecognised. */
    public record AttendanceCase(String file, String kind, int participants, Map<String, Integer> categories,
                                 List<String> unrecognised) {
        @Override
        public String toString() {
            return file;
        }
    }

    private Corpus() {
    }

    public static List<BudgetCase> budgets() {
        List<BudgetCase> cases = new ArrayList<>();
        for (Map<String, Object> entry : entries("budgets")) {
            boolean accepted = "accepted".equals(entry.get("verdict"));
            cases.add(new BudgetCase(String.valueOf(entry.get("file")), String.valueOf(entry.get("kind")),
                    String.valueOf(entry.get("made-by")),
                    BudgetContext.of(String.valueOf(entry.get("seminar")), (String) entry.get("country"),
                            (Integer) entry.get("year")),
                    accepted, accepted ? String.valueOf(entry.get("currency")) : null,
                    accepted ? YamlFiles.decimal(entry, "expenses-cash") : null,
                    accepted ? YamlFiles.decimal(entry, "expenses-in-kind") : null,
                    YamlFiles.strings(entry.get("findings"), "findings")));
        }
        return cases;
    }

    public static List<AttendanceCase> attendance() {
        List<AttendanceCase> cases = new ArrayList<>();
        for (Map<String, Object> entry : entries("attendance")) {
            Map<String, Integer> categories = new TreeMap<>();
            YamlFiles.map(entry, "categories").forEach((category, count) -> categories.put(category, (Integer) count));
            cases.add(new AttendanceCase(String.valueOf(entry.get("file")), String.valueOf(entry.get("kind")),
                    (Integer) entry.get("participants"), categories,
                    YamlFiles.strings(entry.get("unrecognised"), "unrecognised")));
        }
        return cases;
    }

    public static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(ROOT.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How the hub's verdict on a budget differs from the expected one: empty when it is the expected one. */
    public static List<String> differences(BudgetCase expected, byte[] file, BudgetSheetReader reader,
                                           BudgetValidator validator) {
        List<String> differences = new ArrayList<>();
        try {
            BudgetSheet sheet = reader.read(file, Path.of(expected.file()).getFileName().toString());
            ValidationResult result = validator.validate(sheet, expected.context());
            List<String> found = result.findings().stream().map(f -> f.code() + " " + f.cell()).sorted().toList();
            List<String> wanted = expected.findings().stream().sorted().toList();
            if (!found.equals(wanted)) {
                differences.add("findings " + found + ", expected " + wanted + " ("
                        + result.findings().stream().map(f -> f.code() + " " + f.cell() + " found '" + f.found()
                        + "' expected '" + f.expected() + "'").collect(Collectors.joining("; ")) + ")");
            }
            if (result.accepted() != expected.accepted()) {
                differences.add(result.accepted() ? "accepted, expected rejected" : "rejected, expected accepted");
            }
            if (expected.accepted()) {
                if (!result.currency().equals(Optional.of(expected.currency()))) {
                    differences.add("currency " + result.currency().orElse("none") + ", expected " + expected.currency());
                }
                compare(differences, "expenses in cash", result.totals().get(BudgetColumn.EXPENSES_CASH), expected.expensesCash());
                compare(differences, "expenses in kind", result.totals().get(BudgetColumn.EXPENSES_IN_KIND),
                        expected.expensesInKind());
            }
        } catch (UnreadableSpreadsheetException e) {
            differences.add("unreadable: " + e.getMessage());
        }
        return differences;
    }

    /** How the participants read from an attendance sheet differ from the expected ones: empty when they agree. */
    public static List<String> differences(AttendanceCase expected, byte[] file, WorkbookLoader loader,
                                           AttendanceReader reader) {
        List<String> differences = new ArrayList<>();
        try {
            Optional<AttendanceReader.Sheet> sheet = reader.read(loader.load(file,
                    Path.of(expected.file()).getFileName().toString()));
            if (sheet.isEmpty()) {
                return List.of("no participants' table found");
            }
            List<AttendanceReader.Participant> participants = sheet.get().participants();
            if (participants.size() != expected.participants()) {
                differences.add(participants.size() + " participants, expected " + expected.participants() + ": "
                        + participants.stream().map(AttendanceReader.Participant::name).toList());
            }
            Map<String, Integer> categories = new TreeMap<>();
            participants.forEach(p -> categories.merge(p.category() == null ? "unknown" : p.category(), 1, Integer::sum));
            if (!categories.equals(expected.categories())) {
                differences.add("categories " + categories + ", expected " + expected.categories() + ": "
                        + participants.stream().map(p -> p.categoryAsRead() + "=" + p.category()).toList());
            }
            List<String> unrecognised = participants.stream().filter(p -> p.category() == null)
                    .map(AttendanceReader.Participant::cell).toList();
            if (!unrecognised.equals(expected.unrecognised())) {
                differences.add("unrecognised " + unrecognised + ", expected " + expected.unrecognised());
            }
        } catch (UnreadableSpreadsheetException e) {
            differences.add("unreadable: " + e.getMessage());
        }
        return differences;
    }

    private static void compare(List<String> differences, String what, BigDecimal read, BigDecimal expected) {
        if (read == null || read.compareTo(expected) != 0) {
            differences.add(what + " " + read + ", expected " + expected);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(String section) {
        Object list = YamlFiles.load(ROOT.resolve("manifest.yaml")).get(section);
        return list == null ? List.of() : Collections.unmodifiableList((List<Map<String, Object>>) list);
    }

    /** The number of files of each kind, in the manifest's order. */
    public static Map<String, Long> kinds(List<BudgetCase> cases) {
        return cases.stream().collect(Collectors.groupingBy(BudgetCase::kind, LinkedHashMap::new, Collectors.counting()));
    }
}
