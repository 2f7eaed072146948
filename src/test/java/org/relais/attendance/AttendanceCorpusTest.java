package org.relais.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relais.budget.BudgetConfig;
import org.relais.corpus.Corpus;
import org.relais.spreadsheet.WorkbookLoader;

/**
 * Every attendance sheet of the corpus (LibreOffice's xlsx, xls, ods and CSV; headings in French, Romanian,
 * Bulgarian and Russian under a title and a date; categories typed freely) is read with its participants, their
 * categories and the rows whose category is not recognised.
 */
class AttendanceCorpusTest {

    private static final WorkbookLoader LOADER = new WorkbookLoader(BudgetConfig.loadDefault().limits());
    private static final AttendanceReader READER = new AttendanceReader(
            AttendanceVocabulary.load(Path.of("config/attendance/columns.yaml")));

    static List<Corpus.AttendanceCase> sheets() {
        return Corpus.attendance();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sheets")
    void everyAttendanceSheetIsReadAsItsManifestSays(Corpus.AttendanceCase sheet) {
        assertThat(Corpus.differences(sheet, Corpus.bytes(sheet.file()), LOADER, READER)).as(sheet.file()).isEmpty();
    }
}
