package org.relais.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relais.budget.TestConfig.CONFIG;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocalNumberParserTest {

    private final LocalNumberParser parser = new LocalNumberParser(CONFIG.currencies().marks());

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "1 234,50            | 1234.50",
            "1.234,50            | 1234.50",
            "1,234.50            | 1234.50",
            "1\u00A0234,50        | 1234.50",
            "1\u202F234,50 lei    | 1234.50",
            "12.500 лв           | 12500",
            "12 500,00 лв.       | 12500.00",
            "€1,234.50           | 1234.50",
            "1234,5 EUR          | 1234.5",
            "RON 1.234           | 1234",
            "2 500 MDL           | 2500",
            "BGN 99,90           | 99.90",
            "1.234.567,89        | 1234567.89",
            "1,234,567           | 1234567",
            "0.500               | 0.500",
            "12.5                | 12.5",
            "(150,00)            | -150.00",
            "-1 234,50 €         | -1234.50",
            "−75                 | -75",
            "-                   | 0",
            "—                   | 0",
            "1’234.50            | 1234.50",
    })
    void amountsTypedInLocalFormatsAreParsed(String typed, String expected) {
        assertThat(parser.parse(typed)).hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo(new BigDecimal(expected)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"à définir", "n/a", "1.23.4", "12,", "1,2,3.4", "100 $", "environ 300", "?"})
    void textThatIsNoAmountIsNotGuessed(String typed) {
        assertThat(parser.parse(typed)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "1 234 lei                    | RON",
            "Sume în lei moldovenești     | MDL",
            "Montants en euros            | EUR",
            "100лв                        | BGN",
            "Суми в лева                  | BGN",
            "[$€-40C] #,##0.00            | EUR",
    })
    void currencyMarksNameTheirCurrency(String text, String currency) {
        assertThat(CONFIG.currencies().marks().marksIn(text)).singleElement()
                .satisfies(named -> assertThat(named.get(0)).isEqualTo(currency));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cazarea leilor", "Relais", "Total"})
    void wordsThatOnlyContainAMarkNameNoCurrency(String text) {
        assertThat(CONFIG.currencies().marks().marksIn(text)).isEmpty();
    }
}
