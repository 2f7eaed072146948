package org.relais.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relais.budget.TestConfig.READER;
import static org.relais.budget.TestConfig.VALIDATOR;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relais.corpus.Corpus;

/**
 * Every budget of the corpus, made by LibreOffice, a spreadsheet library and CSV exports (not by our tests), gets
 * exactly the verdict of its manifest: a valid one is accepted in its currency with its totals as written, an invalid
 * one reports exactly its findings, each at its cell.
 */
class CorpusTest {

    static List<Corpus.BudgetCase> budgets() {
        return Corpus.budgets();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("budgets")
    void everyBudgetGetsTheVerdictOfItsManifest(Corpus.BudgetCase budget) {
        assertThat(Corpus.differences(budget, Corpus.bytes(budget.file()), READER, VALIDATOR))
                .as("%s (%s)", budget.file(), budget.madeBy()).isEmpty();
    }

    @Test
    void theCorpusHoldsSixtyBudgetsOrMoreOfEveryKindAndEachFileHasItsVerdict() throws IOException {
        List<Corpus.BudgetCase> budgets = budgets();

        assertThat(budgets).hasSizeGreaterThanOrEqualTo(60);
        assertThat(Corpus.kinds(budgets).keySet()).containsExactlyInAnyOrder("xlsx", "xls", "ods", "csv", "xlsx-library");
        assertThat(budgets).anyMatch(b -> !b.accepted()).anyMatch(Corpus.BudgetCase::accepted);
        try (Stream<Path> files = Files.list(Corpus.ROOT.resolve("budgets"))) {
            assertThat(files.map(file -> "budgets/" + file.getFileName()))
                    .containsExactlyInAnyOrderElementsOf(budgets.stream().map(Corpus.BudgetCase::file).toList());
        }
    }
}
