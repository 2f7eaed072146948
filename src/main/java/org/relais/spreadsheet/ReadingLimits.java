package org.relais.spreadsheet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The limits of {@code limits.yaml} that keep a hostile or absurd file from exhausting memory or time.
 *
 * @param maxFileBytes         size of the file as received
 * @param maxRows              rows holding something, per sheet
 * @param maxCells             cells holding something, in the whole workbook
 * @param maxSheets            sheets in a workbook
 * @param maxZipEntries        parts of an xlsx / ods container
 * @param maxEntryBytes        uncompressed size of one part
 * @param maxUncompressedBytes uncompressed size of all parts
 * @param minInflateRatio      compressed / uncompressed size below which a part is a zip bomb
 * @param maxFormulaReads      cells that computing the formulas saved without their result may read, in all
 * @param formulaTime          time that computing them may take; the formulas still waiting then are not computed
 */
public record ReadingLimits(long maxFileBytes, int maxRows, int maxCells, int maxSheets, int maxZipEntries,
                           long maxEntryBytes, long maxUncompressedBytes, double minInflateRatio,
                           long maxFormulaReads, Duration formulaTime) {

    public static ReadingLimits load(Path file) {
        Map<String, Object> yaml = YamlFiles.load(file);
        return new ReadingLimits(
                YamlFiles.decimal(yaml, "max-file-bytes").longValueExact(),
                YamlFiles.decimal(yaml, "max-rows").intValueExact(),
                YamlFiles.decimal(yaml, "max-cells").intValueExact(),
                YamlFiles.decimal(yaml, "max-sheets").intValueExact(),
                YamlFiles.decimal(yaml, "max-zip-entries").intValueExact(),
                YamlFiles.decimal(yaml, "max-entry-bytes").longValueExact(),
                YamlFiles.decimal(yaml, "max-uncompressed-bytes").longValueExact(),
                YamlFiles.decimal(yaml, "min-inflate-ratio").doubleValue(),
                YamlFiles.decimal(yaml, "max-formula-reads").longValueExact(),
                Duration.parse(String.valueOf(yaml.get("formula-time"))));
    }
}
