package org.relais.budget;

import org.relais.spreadsheet.YamlFiles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The rates of {@code rates.yaml}: per year, the value in EUR of one unit of each currency, and their date. */
public final class ExchangeRates {

    /** One year's rates, and the date they stand for. */
    record YearRates(LocalDate date, Map<String, BigDecimal> toEur) {
    }

    private final NavigableMap<Integer, YearRates> byYear;

    ExchangeRates(NavigableMap<Integer, YearRates> byYear) {
        if (byYear.isEmpty()) {
            throw new IllegalStateException("rates.yaml has no year");
        }
        this.byYear = byYear;
    }

    public static ExchangeRates load(Path file) {
        NavigableMap<Integer, YearRates> byYear = new TreeMap<>();
        // YAML reads a bare 2009 as a number and a bare 2009-12-31 as a timestamp: both are taken as written
        Map<?, ?> years = YamlFiles.map(YamlFiles.load(file), "years");
        years.forEach((year, value) -> {
            Map<String, Object> entry = YamlFiles.asMap(value, "years." + year);
            Map<String, BigDecimal> toEur = new LinkedHashMap<>();
            Map<String, Object> rates = YamlFiles.map(entry, "to-eur");
            rates.keySet().forEach(currency -> toEur.put(currency, YamlFiles.decimal(rates, currency)));
            Object date = entry.get("date");
            byYear.put(Integer.valueOf(String.valueOf(year)), new YearRates(date instanceof Date written
                    ? written.toInstant().atZone(ZoneOffset.UTC).toLocalDate()
                    : LocalDate.parse(String.valueOf(date)), toEur));
        });
        return new ExchangeRates(byYear);
    }

    /** The currencies with a rate in the latest year. */
    public Set<String> currencies() {
        return byYear.lastEntry().getValue().toEur().keySet();
    }

    /**
     * The rates for a seminar of that year: the year's own, else the closest earlier year's, else the earliest's;
     * the latest year's for a budget tied to no seminar.
     */
    YearRates of(Optional<Integer> year) {
        if (year.isEmpty()) {
            return byYear.lastEntry().getValue();
        }
        Map.Entry<Integer, YearRates> earlier = byYear.floorEntry(year.get());
        return (earlier != null ? earlier : byYear.firstEntry()).getValue();
    }

    /** The amount in EUR at the rates of that year, to the cent; empty for a currency without a rate. */
    public Optional<BigDecimal> toEur(BigDecimal amount, String currency, Optional<Integer> year) {
        return Optional.ofNullable(of(year).toEur().get(currency))
                .map(rate -> amount.multiply(rate).setScale(2, RoundingMode.HALF_UP));
    }
}
