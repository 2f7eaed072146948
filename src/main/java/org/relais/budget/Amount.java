package org.relais.budget;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One amount cell of the table.
 *
 * @param cell              where it is, as {@code Sheet!D12}
 * @param rawText           what the partner typed or what the cell shows; empty for a blank cell
 * @param value             the parsed amount (a blank cell counts as zero); empty when the text is not a number
 * @param uncomputedFormula the cell is a formula saved without its result that could not be computed; rawText is
 *                          its formula
 */
public record Amount(String cell, String rawText, Optional<BigDecimal> value, boolean uncomputedFormula) {

    public boolean isNumber() {
        return value.isPresent();
    }

    public BigDecimal valueOrZero() {
        return value.orElse(BigDecimal.ZERO);
    }
}
