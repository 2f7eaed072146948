package org.relais.budget;

import org.relais.spreadsheet.YamlFiles;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The currencies of {@code currencies.yaml}: each country's, and the marks that name them in a file. */
public final class Currencies {

    private final Map<String, String> byCountry;
    private final CurrencyMarks marks;

    Currencies(Map<String, String> byCountry, Map<String, List<String>> marks) {
        this.byCountry = Collections.unmodifiableMap(new LinkedHashMap<>(byCountry));
        this.marks = new CurrencyMarks(marks);
    }

    public static Currencies load(Path file) {
        Map<String, Object> yaml = YamlFiles.load(file);
        Map<String, String> byCountry = new LinkedHashMap<>();
        YamlFiles.map(yaml, "by-country").forEach((country, currency) -> byCountry.put(country, String.valueOf(currency)));
        Map<String, List<String>> marks = new LinkedHashMap<>();
        YamlFiles.map(yaml, "marks").forEach((currency, list) ->
                YamlFiles.strings(list, "marks." + currency).forEach(mark -> marks.put(mark, List.of(currency))));
        YamlFiles.map(yaml, "shared-marks").forEach((mark, list) ->
                marks.put(mark, YamlFiles.strings(list, "shared-marks." + mark)));
        return new Currencies(byCountry, marks);
    }

    /** The currency of a country's organisers (ISO 3166 code to ISO 4217 code). */
    public Optional<String> ofCountry(String country) {
        return Optional.ofNullable(country).map(byCountry::get);
    }

    CurrencyMarks marks() {
        return marks;
    }
}
