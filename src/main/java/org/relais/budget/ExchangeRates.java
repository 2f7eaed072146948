package org.relais.budget;

import org.relais.spreadsheet.YamlFiles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The rates of {@code rates.yaml} (value in EUR of one unit) and the marks that name each currency. */
public final class ExchangeRates {

    private final Map<String, BigDecimal> toEur;
    private final CurrencyMarks marks;

    ExchangeRates(Map<String, BigDecimal> toEur, Map<String, List<String>> marks) {
        this.toEur = Collections.unmodifiableMap(new LinkedHashMap<>(toEur));
        this.marks = new CurrencyMarks(marks);
        for (String currency : marks.keySet()) {
            if (!toEur.containsKey(currency)) {
                throw new IllegalStateException("rates.yaml has marks but no rate for " + currency);
            }
        }
    }

    public static ExchangeRates load(Path file) {
        Map<String, Object> yaml = YamlFiles.load(file);
        Map<String, Object> rates = YamlFiles.map(yaml, "to-eur");
        Map<String, BigDecimal> toEur = new LinkedHashMap<>();
        rates.keySet().forEach(currency -> toEur.put(currency, YamlFiles.decimal(rates, currency)));
        Map<String, List<String>> marks = new LinkedHashMap<>();
        YamlFiles.map(yaml, "marks").forEach((currency, list) ->
                marks.put(currency, YamlFiles.strings(list, "marks." + currency)));
        return new ExchangeRates(toEur, marks);
    }

    public Set<String> currencies() {
        return toEur.keySet();
    }

    /** The amount in EUR, to the cent; empty for a currency without a configured rate. */
    public Optional<BigDecimal> toEur(BigDecimal amount, String currency) {
        return Optional.ofNullable(toEur.get(currency))
                .map(rate -> amount.multiply(rate).setScale(2, RoundingMode.HALF_UP));
    }

    CurrencyMarks marks() {
        return marks;
    }
}
