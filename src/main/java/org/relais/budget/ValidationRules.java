package org.relais.budget;

import org.relais.spreadsheet.YamlFiles;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The thresholds of {@code rules.yaml}.
 *
 * @param tolerance              how far a total may be from its sum, or expenses from receipts
 * @param minParticipants        fewest participants a seminar is planned for
 * @param maxParticipants        most participants a seminar is planned for
 * @param perParticipantEur      plausible cost per participant in EUR of the lines that are checked for it
 */
public record ValidationRules(BigDecimal tolerance, int minParticipants, int maxParticipants,
                              Map<BudgetLine, Range> perParticipantEur) {

    public record Range(BigDecimal min, BigDecimal max) {
    }

    public ValidationRules {
        perParticipantEur = Map.copyOf(perParticipantEur);
    }

    public static ValidationRules load(Path file) {
        Map<String, Object> yaml = YamlFiles.load(file);
        Map<String, Object> participants = YamlFiles.map(yaml, "participants");
        Map<BudgetLine, Range> ranges = new EnumMap<>(BudgetLine.class);
        YamlFiles.map(yaml, "per-participant-eur").forEach((line, value) -> {
            Map<String, Object> range = YamlFiles.asMap(value, line);
            ranges.put(BudgetLine.valueOf(line), new Range(YamlFiles.decimal(range, "min"), YamlFiles.decimal(range, "max")));
        });
        return new ValidationRules(YamlFiles.decimal(yaml, "tolerance"),
                YamlFiles.decimal(participants, "min").intValueExact(),
                YamlFiles.decimal(participants, "max").intValueExact(),
                ranges);
    }

    /** The plausible expenses of a line for the whole seminar: min per head × fewest, max per head × most. */
    Range plausibleTotalEur(BudgetLine line) {
        Range perHead = perParticipantEur.get(line);
        return new Range(perHead.min().multiply(BigDecimal.valueOf(minParticipants)),
                perHead.max().multiply(BigDecimal.valueOf(maxParticipants)));
    }
}
