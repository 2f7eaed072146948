package org.relais.budget;

import org.relais.spreadsheet.TextNormalizer;
import org.relais.spreadsheet.YamlFiles;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ties a supporting document to the budget line it justifies, by the words of its file name: the line's own labels
 * ("Cazare", "Hébergement") or the receipt words of {@code config/budget/report.yaml} ("hotel", "factură taxi").
 */
final class ReceiptAttribution {

    private final BudgetLabels labels;
    private final Map<BudgetLine, List<String>> receiptWords;
    private final BigDecimal varianceThreshold;

    private ReceiptAttribution(BudgetLabels labels, Map<BudgetLine, List<String>> receiptWords,
                               BigDecimal varianceThreshold) {
        this.labels = labels;
        this.receiptWords = receiptWords;
        this.varianceThreshold = varianceThreshold;
    }

    static ReceiptAttribution load(Path file, BudgetLabels labels) {
        Map<String, Object> yaml = YamlFiles.load(file);
        Map<BudgetLine, List<String>> words = new LinkedHashMap<>();
        YamlFiles.map(yaml, "receipt-words").forEach((line, list) -> words.put(BudgetLine.valueOf(line),
                YamlFiles.strings(list, line).stream().map(w -> " " + TextNormalizer.normalize(w)).toList()));
        return new ReceiptAttribution(labels, words, YamlFiles.decimal(yaml, "variance-threshold"));
    }

    BigDecimal varianceThreshold() {
        return varianceThreshold;
    }

    Optional<BudgetLine> lineOf(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String name = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        Optional<BudgetLine> labelled = labels.lineMatcher().match(name.replace('_', ' ').replace('-', ' '))
                .map(LabelMatcher.Match::key).filter(line -> line != BudgetLine.TOTAL && line != BudgetLine.OTHER);
        if (labelled.isPresent()) {
            return labelled;
        }
        String text = " " + TextNormalizer.normalize(name);
        return receiptWords.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(text::contains))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
