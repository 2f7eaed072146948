package org.relais.intake;

import java.util.Optional;
import java.util.Set;
import org.relais.spreadsheet.LoadedWorkbook;
import org.relais.spreadsheet.SheetGrid;
import org.relais.spreadsheet.UnreadableSpreadsheetException;
import org.relais.spreadsheet.WorkbookLoader;

/**
 * Decides, from its bytes first and its name second, whether an attachment is taken in, and what file it is. A
 * spreadsheet is opened by the same hardened loader the budget flow uses (zip bombs, encryption, macros, size), and
 * the text of its first rows is kept to recognise it.
 */
final class PartInspector {

    /** Rows of each sheet whose text is enough to recognise the budget model or an attendance sheet. */
    private static final int SAMPLED_ROWS = 60;

    private final WorkbookLoader spreadsheets;

    PartInspector(WorkbookLoader spreadsheets) {
        this.spreadsheets = spreadsheets;
    }

    record Inspection(FileType type, Rejection rejection, String sample) {
        boolean accepted() {
            return rejection == null;
        }
    }

    Inspection inspect(LeafPart part) {
        Optional<FileType> named = FileType.ofExtension(part.fileName());
        if (part.truncated()) {
            return new Inspection(named.orElse(FileType.UNKNOWN), Rejection.TOO_LARGE, "");
        }
        if (part.size() == 0 || part.content().length == 0) {
            return new Inspection(named.orElse(FileType.UNKNOWN), Rejection.EMPTY, "");
        }
        ContentSniffer.Sniffed sniffed = ContentSniffer.sniff(part.content());
        // plain text named .csv is read as a table: bytes alone cannot tell a one-column CSV from prose
        FileType type = sniffed.type() == FileType.TEXT && named.orElse(null) == FileType.CSV
                ? FileType.CSV : sniffed.type();
        if (type == FileType.EXECUTABLE || named.map(FileType::family).orElse(null) == FileType.Family.EXECUTABLE) {
            return new Inspection(FileType.EXECUTABLE, Rejection.EXECUTABLE, "");
        }
        if (sniffed.refusal() != null) {
            return new Inspection(type, switch (sniffed.refusal()) {
                case ENCRYPTED -> Rejection.ENCRYPTED;
                case MACRO -> Rejection.MACRO;
                case CORRUPT -> Rejection.CORRUPT;
            }, "");
        }
        if (type == FileType.ARCHIVE) {
            return new Inspection(type, Rejection.ARCHIVE, "");
        }
        if (named.isPresent() && contradicts(named.get(), type)) {
            return new Inspection(type, Rejection.MISMATCH, "");
        }
        if (type.family() == FileType.Family.SPREADSHEET) {
            try {
                return new Inspection(type, null, sample(spreadsheets.load(part.content(), part.fileName())));
            } catch (UnreadableSpreadsheetException e) {
                return new Inspection(type, switch (e.reason()) {
                    case ENCRYPTED -> Rejection.ENCRYPTED;
                    case MACRO_ENABLED -> Rejection.MACRO;
                    case TOO_LARGE -> Rejection.TOO_LARGE;
                    default -> Rejection.CORRUPT;
                }, "");
            }
        }
        return new Inspection(type, null, "");
    }

    private static String sample(LoadedWorkbook workbook) {
        StringBuilder text = new StringBuilder();
        for (SheetGrid sheet : workbook.sheets()) {
            text.append(sheet.name()).append('\n');
            sheet.cells().stream().filter(cell -> cell.row() < SAMPLED_ROWS)
                    .forEach(cell -> text.append(cell.text()).append(' '));
            text.append('\n');
        }
        return text.toString();
    }

    /** Pairs people mix up harmlessly: the readers take either, so the name may say one and the bytes the other. */
    private static final Set<Set<FileType>> TOLERATED = Set.of(Set.of(FileType.CSV, FileType.TEXT),
            Set.of(FileType.XLSX, FileType.XLS), Set.of(FileType.DOCX, FileType.DOC), Set.of(FileType.HTML, FileType.TEXT));

    /** A name that says one thing and bytes another (a "budget.xlsx" that is a PDF); unknown bytes are not judged. */
    private static boolean contradicts(FileType named, FileType detected) {
        return detected != FileType.UNKNOWN && named != detected && !TOLERATED.contains(Set.of(named, detected));
    }
}
